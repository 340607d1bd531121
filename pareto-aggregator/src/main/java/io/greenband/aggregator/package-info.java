/**
 * The Pareto aggregator: energy attribution, emissions, objective vectors, fronts and hypervolume
 * ({@code core}), and the adapters that connect them to Kafka, MongoDB and HTTP ({@code adapter}).
 */
package io.greenband.aggregator;
