/**
 * The aggregator's scoring flow, free of Kafka, MongoDB and Quarkus: the {@link
 * io.greenband.aggregator.driver.ScoringEngine} (event-time clock, early-event buffer, energy
 * ledger, each study's scoring), the mapping between event payloads and core records, and the
 * interfaces the adapters implement (stores, publisher, logged scores, listeners). An in-memory
 * store runs it without a database.
 */
package io.greenband.aggregator.driver;
