package io.greenband.suggester.core.objective;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Ranking by one scalar: costs normalized per rung, then aggregated (ParEGO draws a fresh weight
 * vector for every decision, so over many promotions all trade-offs are favoured in turn).
 */
public final class ScalarRanking implements Ranking {

    private final Aggregation aggregation;

    /** Ranks by {@code aggregation} of per-rung normalized costs. */
    public ScalarRanking(Aggregation aggregation) {
        this.aggregation = aggregation;
    }

    @Override
    public int[] order(double[][] costs, SplittableRandom rng) {
        int n = costs.length;
        if (n == 0) {
            return new int[0];
        }
        double[][] points = Ranking.normalizeColumns(costs);
        double[] w = aggregation.weights(costs[0].length, rng);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = aggregation.scalarize(points[i], w);
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(
                idx,
                (a, b) -> {
                    int c = Double.compare(s[a], s[b]);
                    return c != 0 ? c : Integer.compare(a, b);
                });
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public boolean isRandomized() {
        return aggregation.drawsWeights();
    }
}
