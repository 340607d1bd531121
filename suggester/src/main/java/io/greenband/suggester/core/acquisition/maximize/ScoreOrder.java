package io.greenband.suggester.core.acquisition.maximize;

import java.util.SplittableRandom;

/** Orders candidates by score, best first, ties in random order, without boxing. */
final class ScoreOrder {

    private ScoreOrder() {}

    /**
     * The indices of the {@code k} highest {@code scores}, highest first; equal scores in an order
     * drawn from {@code rng}. Only the scores at or above the k-th highest are sorted, and the
     * result equals the head of a stable sort of all indices in the drawn order.
     */
    static int[] top(double[] scores, int k, SplittableRandom rng) {
        int n = scores.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        int keep = Math.min(k, n);
        if (keep == 0) {
            return new int[0];
        }
        double threshold = kthHighest(scores.clone(), keep);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (scores[a[i]] >= threshold) {
                a[m++] = a[i];
            }
        }
        int[] sorted = stableDescending(a, m, scores);
        int[] out = new int[keep];
        System.arraycopy(sorted, 0, out, 0, keep);
        return out;
    }

    /** The k-th highest value (k >= 1) by quickselect; reorders {@code v}. */
    static double kthHighest(double[] v, int k) {
        int lo = 0;
        int hi = v.length - 1;
        int target = k - 1;
        while (lo < hi) {
            double pivot = v[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] > pivot) {
                    i++;
                }
                while (v[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return v[target];
            }
        }
        return v[target];
    }

    /** The first {@code n} entries of {@code a}, stably merge-sorted by descending score. */
    private static int[] stableDescending(int[] a, int n, double[] scores) {
        int[] src = java.util.Arrays.copyOf(a, n);
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = scores[src[j]] > scores[src[i]] ? src[j++] : src[i++];
                }
                while (i < mid) {
                    b[k++] = src[i++];
                }
                while (j < hi) {
                    b[k++] = src[j++];
                }
            }
            int[] t = src;
            src = b;
            b = t;
        }
        return src;
    }
}
