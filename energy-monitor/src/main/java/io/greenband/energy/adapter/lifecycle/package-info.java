/**
 * Starts the sampler with the application, fans its windows out to Kafka and metrics, stops it
 * cleanly.
 */
package io.greenband.energy.adapter.lifecycle;
