/**
 * The one home of Pareto maths: dominance, exact non-dominated sets and sorting, crowding distance,
 * incrementally maintained fronts, exact hypervolume in any dimension (2-D sweep, 3-D sweep, WFG
 * beyond) and the frames it is measured in. Everything here minimizes; callers flip maximized
 * objectives first ({@link io.greenband.pareto.Directions}).
 */
package io.greenband.pareto;
