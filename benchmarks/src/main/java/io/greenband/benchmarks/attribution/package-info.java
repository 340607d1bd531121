/**
 * The {@code attribution} benchmark: the same fixed-work trial alone and beside a foreign CPU load,
 * attributed by the energy monitor's sampler and the aggregator's ledger, under the current rule
 * (own use) and the former one (host energy shared among the trials running).
 */
package io.greenband.benchmarks.attribution;
