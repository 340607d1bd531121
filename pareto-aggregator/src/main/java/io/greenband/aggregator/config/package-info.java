/**
 * Typed configuration of the aggregator, the one class that turns it into core objects, and the
 * sample path's parts for programs that run it outside the service.
 */
package io.greenband.aggregator.config;
