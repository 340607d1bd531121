/**
 * Pareto fronts from the command's side: scored trials, non-dominated sets, hypervolume, and front
 * tables.
 */
package io.greenband.cli.front;
