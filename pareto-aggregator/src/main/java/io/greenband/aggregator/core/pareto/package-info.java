/**
 * Pareto dominance, exact non-dominated sets, incrementally maintained fronts and exact hypervolume
 * (2-D sweep, 3-D sweep, WFG beyond). Everything here minimizes; the objective layer flips maximized
 * objectives before points arrive.
 */
package io.greenband.aggregator.core.pareto;
