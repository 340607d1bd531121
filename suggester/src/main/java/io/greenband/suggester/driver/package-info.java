/**
 * The per-study state machine of the suggester service, free of Kafka and Quarkus: which trials are
 * in flight, their leases and retries, the stop conditions, and the ordering rule that makes a
 * replay of the log produce the same suggestions. The messaging adapter feeds it decoded events and
 * publishes what it returns.
 */
package io.greenband.suggester.driver;
