package io.greenband.suggester.core.objective;

import java.util.Arrays;

/**
 * Per-objective minimum and maximum cost over successful trials (all budgets), updated
 * incrementally, and the min-max normalization SMAC applies before scalarizing. One owner: the
 * history.
 */
public final class ObjectiveBounds {

    /** Ranges narrower than this normalize to 1.0, as SMAC does. */
    public static final double MIN_RANGE = 1e-10;

    private final double[] min;
    private final double[] max;
    private long count;

    /** Empty bounds for {@code objectives} objectives. */
    public ObjectiveBounds(int objectives) {
        min = new double[objectives];
        max = new double[objectives];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** Widens the bounds with one successful cost vector (all entries finite). */
    public void add(double[] costs) {
        for (int i = 0; i < min.length; i++) {
            min[i] = Math.min(min[i], costs[i]);
            max[i] = Math.max(max[i], costs[i]);
        }
        count++;
    }

    /** True before the first success. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** Lowest observed cost of objective {@code i}. */
    public double min(int i) {
        return min[i];
    }

    /**
     * Highest observed cost of objective {@code i}: the value a failure is given under the worst
     * policy.
     */
    public double max(int i) {
        return max[i];
    }

    /**
     * Writes the normalized costs {@code (c - min) / (max - min)} into {@code out}; 1.0 on a flat
     * range.
     */
    public void normalize(double[] costs, double[] out) {
        for (int i = 0; i < min.length; i++) {
            double range = max[i] - min[i];
            out[i] = count == 0 || range < MIN_RANGE ? 1.0 : unit(costs[i], min[i], max[i]);
        }
    }

    /**
     * {@code (c - lo) / (hi - lo)} clamped to [0,1]; finite even when the range overflows a double.
     */
    static double unit(double c, double lo, double hi) {
        double u =
                Double.isInfinite(hi - lo)
                        ? (c / 2 - lo / 2) / (hi / 2 - lo / 2)
                        : (c - lo) / (hi - lo);
        return Double.isNaN(u) ? 1.0 : Math.min(1, Math.max(0, u));
    }
}
