package io.greenband.suggester.core.surrogate;

import java.util.Arrays;

/**
 * SMAC's log-scaled response transform: shift the targets just below their minimum (by the gap to
 * the 5th percentile) and take {@code log((y - lo) / (max - lo))}, so the best values are spread
 * out and the worst is 0.
 */
public final class LogScaledResponse {

    /** Percentile whose distance to the minimum sets the shift. */
    public static final double SHIFT_PERCENTILE = 5;

    private LogScaledResponse() {}

    /** The transformed targets (a new array); all values must be finite. */
    public static double[] transform(double[] y) {
        int n = y.length;
        if (n == 0) {
            return new double[0];
        }
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double min = sorted[0];
        double max = sorted[n - 1];
        double pos = SHIFT_PERCENTILE / 100.0 * (n - 1);
        int lower = (int) Math.floor(pos);
        int upper = Math.min(n - 1, lower + 1);
        double p5 = sorted[lower] + (pos - lower) * (sorted[upper] - sorted[lower]);
        double lo = min - (p5 - min) - 1e-10;
        if (lo == max) {
            lo *= 1 - 1e-10;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.log((y[i] - lo) / (max - lo));
        }
        return out;
    }
}
