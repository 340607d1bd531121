/** Benchmarks of the Pareto aggregator: sample ingestion end to end and front-update latency. */
package io.greenband.benchmarks.aggregator;
