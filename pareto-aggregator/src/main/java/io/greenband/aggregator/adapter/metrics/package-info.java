/**
 * Prometheus series of scored trials: energy and emissions per study and per trial, fed by the
 * scoring engine's listener and bounded in label cardinality.
 */
package io.greenband.aggregator.adapter.metrics;
