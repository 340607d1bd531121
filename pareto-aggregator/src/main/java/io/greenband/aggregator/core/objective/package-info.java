/**
 * Assembly of each trial's objective vector from trainer metrics, attributed energy and plug-in
 * values, with bounded waiting and the study's policy for missing values; directions are applied
 * here so that fronts only ever minimize.
 */
package io.greenband.aggregator.core.objective;
