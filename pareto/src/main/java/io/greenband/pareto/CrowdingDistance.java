package io.greenband.pareto;

import java.util.Arrays;

/**
 * NSGA-II crowding distance inside one front: boundary points are infinitely far, others sum gaps.
 */
public final class CrowdingDistance {

    private CrowdingDistance() {}

    /**
     * The crowding distance of each member of {@code front} (indices into {@code points}), in front
     * order.
     */
    public static double[] of(double[][] points, int[] front) {
        int n = front.length;
        double[] d = new double[n];
        if (n <= 2) {
            Arrays.fill(d, Double.POSITIVE_INFINITY);
            return d;
        }
        int m = points[front[0]].length;
        Integer[] idx = new Integer[n];
        for (int k = 0; k < m; k++) {
            final int obj = k;
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Arrays.sort(
                    idx,
                    (a, b) -> {
                        int c = Double.compare(points[front[a]][obj], points[front[b]][obj]);
                        return c != 0 ? c : Integer.compare(front[a], front[b]);
                    });
            double lo = points[front[idx[0]]][obj];
            double hi = points[front[idx[n - 1]]][obj];
            d[idx[0]] = Double.POSITIVE_INFINITY;
            d[idx[n - 1]] = Double.POSITIVE_INFINITY;
            if (hi - lo <= 0) {
                continue;
            }
            for (int i = 1; i < n - 1; i++) {
                double gap = points[front[idx[i + 1]]][obj] - points[front[idx[i - 1]]][obj];
                d[idx[i]] += gap / (hi - lo);
            }
        }
        return d;
    }

    /** The members of {@code front} ordered by crowding distance, largest first, ties by index. */
    public static int[] order(double[][] points, int[] front) {
        double[] d = of(points, front);
        Integer[] idx = new Integer[front.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(
                idx,
                (a, b) -> {
                    int c = Double.compare(d[b], d[a]);
                    return c != 0 ? c : Integer.compare(front[a], front[b]);
                });
        int[] out = new int[front.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = front[idx[i]];
        }
        return out;
    }
}
