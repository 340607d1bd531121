/** Typed configuration of the aggregator and the one class that turns it into core objects. */
package io.greenband.aggregator.config;
