/**
 * Runs suggested trials as a worker of the search: picks the backend and data a study's workload
 * asks for, reports start, per-epoch progress, heartbeats and the end as events, and never throws
 * for a failing trial. Plain Java: the Kafka loop that feeds it lives in {@code adapter.messaging}.
 */
package io.greenband.trainer.worker;
