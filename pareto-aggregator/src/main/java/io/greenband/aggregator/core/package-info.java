/**
 * The aggregator's plain-Java core: energy attribution, emissions, objective vectors, Pareto fronts
 * and hypervolume. Nothing here imports a framework, a broker client or a database driver; adapters
 * translate.
 */
package io.greenband.aggregator.core;
