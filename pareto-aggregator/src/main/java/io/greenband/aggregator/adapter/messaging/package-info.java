/**
 * Kafka side of the aggregator: consumers that decode through the shared intake and hand events to the
 * {@link io.greenband.aggregator.adapter.messaging.ScoringEngine}, the mapping between event payloads and core
 * records, and the publisher of {@code trial-scored}.
 */
package io.greenband.aggregator.adapter.messaging;
