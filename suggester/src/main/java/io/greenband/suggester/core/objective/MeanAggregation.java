package io.greenband.suggester.core.objective;

import java.util.Arrays;
import java.util.SplittableRandom;

/** SMAC's default multi-objective algorithm: a fixed weighted mean of the normalized costs. */
public final class MeanAggregation implements Aggregation {

    private final double[] fixed;

    /** The plain mean (equal weights). */
    public MeanAggregation() {
        this.fixed = null;
    }

    /** A weighted mean; weights must be >= 0 and not all 0. */
    public MeanAggregation(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(
                        "mean aggregation weights must be finite and >= 0: "
                                + Arrays.toString(weights));
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("mean aggregation weights must not all be 0");
        }
        this.fixed = weights.clone();
    }

    @Override
    public boolean drawsWeights() {
        return false;
    }

    @Override
    public double[] weights(int objectives, SplittableRandom rng) {
        if (fixed == null) {
            double[] w = new double[objectives];
            Arrays.fill(w, 1.0 / objectives);
            return w;
        }
        if (fixed.length != objectives) {
            throw new IllegalArgumentException(
                    "mean aggregation has "
                            + fixed.length
                            + " weights for "
                            + objectives
                            + " objectives");
        }
        return fixed.clone();
    }

    @Override
    public double scalarize(double[] normalized, double[] weights) {
        double s = 0;
        double w = 0;
        for (int i = 0; i < normalized.length; i++) {
            s += weights[i] * normalized[i];
            w += weights[i];
        }
        return s / w;
    }
}
