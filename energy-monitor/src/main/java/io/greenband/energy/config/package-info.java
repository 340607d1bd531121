/**
 * Typed configuration ({@code greenband.energy.*}) and the one place that turns it into core
 * objects.
 */
package io.greenband.energy.config;
