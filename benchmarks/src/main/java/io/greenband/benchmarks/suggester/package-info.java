/**
 * The suggester benchmark: multi-fidelity test problems with known Pareto fronts, hypervolume
 * regret of the optimizer presets at equal fidelity budget, and ask() latency as the history grows.
 */
package io.greenband.benchmarks.suggester;
