/**
 * Kafka side of the aggregator: consumers that decode through the shared intake and hand events to
 * the driver's {@link io.greenband.aggregator.driver.ScoringEngine}, the fast path for
 * energy-sample batches, the publisher of {@code trial-scored}, the log-integrity checks and the
 * start-up recovery.
 */
package io.greenband.aggregator.adapter.messaging;
