package io.greenband.suggester.core.history;

/**
 * A configuration the optimizer proposed.
 *
 * @param configId sequence number, from 0
 * @param vector the configuration vector (NaN = inactive)
 * @param origin how it was chosen
 * @param weights the ParEGO weight vector of its model, or null when no model was used
 * @param firstTrial the trial that first evaluated it
 */
public record ConfigRecord(
        long configId, double[] vector, Origin origin, double[] weights, long firstTrial) {}
