/**
 * Maps sampler windows to {@code energy-sample} events and publishes them through the events codec.
 */
package io.greenband.energy.adapter.messaging;
