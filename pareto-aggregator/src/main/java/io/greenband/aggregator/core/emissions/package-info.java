/**
 * Energy to emissions: kWh x PUE x carbon intensity, with the intensity fixed per study (the
 * study's value, a bundled country table, or the world default) and its source recorded with every
 * result.
 */
package io.greenband.aggregator.core.emissions;
