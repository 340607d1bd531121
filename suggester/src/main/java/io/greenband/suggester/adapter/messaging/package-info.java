/**
 * The Kafka side of the suggester: one consumer thread reads every input partition in a fixed
 * priority, feeds the driver and publishes what it returns; a start-up scan of {@code
 * trial-suggested} keeps a restarted or replaying instance from publishing a suggestion twice.
 */
package io.greenband.suggester.adapter.messaging;
