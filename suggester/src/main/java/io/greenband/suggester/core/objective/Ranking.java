package io.greenband.suggester.core.objective;

import java.util.SplittableRandom;

/** Orders trials of one rung for promotion, best first, from their cost vectors. */
public interface Ranking {

    /**
     * Item indices best first. {@code costs} is n×m (minimization); {@code rng} serves random
     * tie-breakers.
     */
    int[] order(double[][] costs, SplittableRandom rng);

    /** True when the order depends on {@code rng} (so it must not be cached across asks). */
    boolean isRandomized();

    /**
     * The true per-item rank: {@code rank[item]} = position of the item in {@code order} (0 =
     * best).
     */
    static int[] ranksOf(int[] order) {
        int[] rank = new int[order.length];
        for (int pos = 0; pos < order.length; pos++) {
            rank[order[pos]] = pos;
        }
        return rank;
    }

    /**
     * Each column scaled to [0,1] by its min and max over the rows; a constant column becomes 0.
     */
    static double[][] normalizeColumns(double[][] costs) {
        int n = costs.length;
        if (n == 0) {
            return costs;
        }
        int m = costs[0].length;
        double[][] out = new double[n][m];
        for (int k = 0; k < m; k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : costs) {
                lo = Math.min(lo, row[k]);
                hi = Math.max(hi, row[k]);
            }
            double range = hi - lo;
            for (int i = 0; i < n; i++) {
                out[i][k] = range > 0 ? ObjectiveBounds.unit(costs[i][k], lo, hi) : 0;
            }
        }
        return out;
    }
}
