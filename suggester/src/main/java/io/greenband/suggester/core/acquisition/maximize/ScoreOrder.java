package io.greenband.suggester.core.acquisition.maximize;

import java.util.SplittableRandom;

/** Orders candidates by score, best first, ties in random order, without boxing. */
final class ScoreOrder {

    private ScoreOrder() {
    }

    /** Indices of {@code scores}, highest first; equal scores in an order drawn from {@code rng}. */
    static int[] descending(double[] scores, SplittableRandom rng) {
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
        // A stable merge sort keeps the shuffled order among equal scores.
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = scores[a[j]] > scores[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
