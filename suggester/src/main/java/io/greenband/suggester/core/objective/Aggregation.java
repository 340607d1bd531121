package io.greenband.suggester.core.objective;

import java.util.SplittableRandom;

/** Turns normalized costs into the one number the surrogate learns. */
public interface Aggregation {

    /** True when each model-based suggestion should draw its own weight vector (ParEGO). */
    boolean drawsWeights();

    /**
     * Weights for {@code objectives} objectives; fixed aggregations return the same vector every
     * time.
     */
    double[] weights(int objectives, SplittableRandom rng);

    /** The scalar of normalized costs under {@code weights}; smaller is better. */
    double scalarize(double[] normalized, double[] weights);
}
