package io.greenband.suggester.core.surrogate;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * SMAC's random forest: regression trees on bootstrap samples; the prediction is the mean across trees and
 * the variance across trees (not the law of total variance), floored at {@link #MIN_VARIANCE}. Rows are
 * sorted once per feature for the whole forest; each tree filters that order by its bootstrap sample.
 * Trees grow, and large batches are predicted, on the common fork-join pool; results do not depend on it.
 */
public final class RandomForest implements Surrogate {

    /** Smallest predicted variance. */
    public static final double MIN_VARIANCE = 1e-10;
    /** Rows per parallel prediction chunk; smaller batches are predicted on the calling thread. */
    private static final int PARALLEL_ROWS = 1024;

    private final RegressionTree[] trees;
    /** All trees' nodes in one layout (see {@link RegressionTree#copyInto}), so batch prediction walks flat arrays. */
    private final int[] nodeFeature;
    private final double[] nodeThreshold;
    private final int[] nodeLeft;
    private final int[] roots;

    private RandomForest(RegressionTree[] trees) {
        this.trees = trees;
        int total = 0;
        roots = new int[trees.length];
        for (int t = 0; t < trees.length; t++) {
            roots[t] = total;
            total += trees[t].nodes();
        }
        nodeFeature = new int[total];
        nodeThreshold = new double[total];
        nodeLeft = new int[total];
        for (int t = 0; t < trees.length; t++) {
            trees[t].copyInto(nodeFeature, nodeThreshold, nodeLeft, roots[t]);
        }
    }

    /**
     * Fits a forest.
     *
     * @param x feature rows (all of the same width, no NaN)
     * @param y finite targets, one per row
     * @param seed seeds bootstrap and feature order; the same inputs and seed give the same forest
     */
    public static RandomForest fit(double[][] x, double[] y, ForestSettings settings, long seed) {
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("a forest needs at least one row and one target per row, got "
                    + n + " rows and " + y.length + " targets");
        }
        int d = x[0].length;
        double[][] cols = new double[d][n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                cols[f][i] = x[i][f];
            }
        }
        int[][] order = new int[d][];
        for (int f = 0; f < d; f++) {
            order[f] = IndexSort.byKey(cols[f]);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom[] treeRngs = new SplittableRandom[settings.trees()];
        for (int t = 0; t < treeRngs.length; t++) {
            treeRngs[t] = rng.split();
        }
        // Trees are independent and each has its own generator, so growing them in parallel stays deterministic.
        RegressionTree[] trees = new RegressionTree[settings.trees()];
        IntStream.range(0, trees.length).parallel().forEach(t -> {
            SplittableRandom treeRng = treeRngs[t];
            int[] weight = new int[n];
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                int r = settings.bootstrap() ? treeRng.nextInt(n) : i;
                if (weight[r]++ == 0) {
                    distinct++;
                }
            }
            int[][] sorted = new int[d][distinct];
            for (int f = 0; f < d; f++) {
                int k = 0;
                for (int r : order[f]) {
                    if (weight[r] > 0) {
                        sorted[f][k++] = r;
                    }
                }
            }
            trees[t] = d == 0 ? constantTree(y, weight, settings, treeRng)
                    : RegressionTree.grow(cols, y, weight, sorted, settings, treeRng);
        });
        return new RandomForest(trees);
    }

    private static RegressionTree constantTree(double[] y, int[] weight, ForestSettings s, SplittableRandom rng) {
        int n = y.length;
        double[][] cols = {new double[n]};
        int[][] sorted = {java.util.stream.IntStream.range(0, n).filter(r -> weight[r] > 0).toArray()};
        return RegressionTree.grow(cols, y, weight, sorted, s, rng);
    }

    /** Number of trees. */
    public int size() {
        return trees.length;
    }

    @Override
    public void predict(double[][] features, double[] mean, double[] variance) {
        if (features.length >= PARALLEL_ROWS) {
            IntStream.range(0, (features.length + PARALLEL_ROWS - 1) / PARALLEL_ROWS).parallel().forEach(chunk ->
                    predictRange(features, mean, variance, chunk * PARALLEL_ROWS,
                            Math.min(features.length, (chunk + 1) * PARALLEL_ROWS)));
        } else {
            predictRange(features, mean, variance, 0, features.length);
        }
    }

    @Override
    public void predictFlat(double[] flat, int width, double[] mean, double[] variance) {
        int n = mean.length;
        if (n >= PARALLEL_ROWS) {
            IntStream.range(0, (n + PARALLEL_ROWS - 1) / PARALLEL_ROWS).parallel().forEach(chunk ->
                    predictFlatRange(flat, width, mean, variance, chunk * PARALLEL_ROWS,
                            Math.min(n, (chunk + 1) * PARALLEL_ROWS)));
        } else {
            predictFlatRange(flat, width, mean, variance, 0, n);
        }
    }

    @Override
    public void predict(double[] row, double[] meanVariance) {
        double s = 0;
        double q = 0;
        for (int root : roots) {
            double p = walk(root, row);
            s += p;
            q += p * p;
        }
        double m = s / trees.length;
        meanVariance[0] = m;
        meanVariance[1] = Math.max(MIN_VARIANCE, q / trees.length - m * m);
    }

    /**
     * Tree by tree over the rows (one tree's nodes stay in cache); each row still sums its trees in tree
     * order, so the result equals predicting row by row.
     */
    private void predictRange(double[][] features, double[] mean, double[] variance, int from, int to) {
        int t = roots.length;
        for (int i = from; i < to; i++) {
            mean[i] = 0;
            variance[i] = 0;
        }
        for (int root : roots) {
            for (int i = from; i < to; i++) {
                double p = walk(root, features[i]);
                mean[i] += p;
                variance[i] += p * p;
            }
        }
        for (int i = from; i < to; i++) {
            double m = mean[i] / t;
            mean[i] = m;
            variance[i] = Math.max(MIN_VARIANCE, variance[i] / t - m * m);
        }
    }

    /** As {@link #predictRange}, over row-major rows: no per-row array to dereference. */
    private void predictFlatRange(double[] flat, int width, double[] mean, double[] variance, int from, int to) {
        int t = roots.length;
        for (int i = from; i < to; i++) {
            mean[i] = 0;
            variance[i] = 0;
        }
        for (int root : roots) {
            for (int i = from; i < to; i++) {
                int base = i * width;
                int node = root;
                int f;
                while ((f = nodeFeature[node]) >= 0) {
                    node = flat[base + f] <= nodeThreshold[node] ? nodeLeft[node] : nodeLeft[node] + 1;
                }
                double p = nodeThreshold[node];
                mean[i] += p;
                variance[i] += p * p;
            }
        }
        for (int i = from; i < to; i++) {
            double m = mean[i] / t;
            mean[i] = m;
            variance[i] = Math.max(MIN_VARIANCE, variance[i] / t - m * m);
        }
    }

    private double walk(int root, double[] x) {
        int node = root;
        int f;
        while ((f = nodeFeature[node]) >= 0) {
            node = x[f] <= nodeThreshold[node] ? nodeLeft[node] : nodeLeft[node] + 1;
        }
        return nodeThreshold[node];
    }
}
