package io.greenband.suggester.core.surrogate;

import io.greenband.suggester.core.parallel.ParallelLoop;
import java.util.SplittableRandom;

/**
 * SMAC's random forest: regression trees on bootstrap samples (of at most {@link
 * #MAX_BOOTSTRAP_ROWS} draws); the prediction is the mean across trees and the variance across
 * trees (not the law of total variance), floored at {@link #MIN_VARIANCE}. Rows are sorted once per
 * feature for the whole forest; each tree filters that order by its bootstrap sample. Trees grow,
 * and large batches are predicted, on the common fork-join pool; results do not depend on it.
 */
public final class RandomForest implements Surrogate {

    /** Smallest predicted variance. */
    public static final double MIN_VARIANCE = 1e-10;

    /** Rows per parallel prediction chunk; smaller batches are predicted on the calling thread. */
    private static final int PARALLEL_ROWS = 512;

    private static final double[] NO_FEATURES = {0};

    /**
     * Largest bootstrap sample per tree: with more rows each tree draws this many (with
     * replacement) instead of one per row, so growing a tree costs the same beyond it while the
     * trees together still cover the data. Up to this many rows the forest is SMAC's exactly.
     */
    public static final int MAX_BOOTSTRAP_ROWS = 500;

    private final RegressionTree[] trees;

    /**
     * All trees' nodes in one layout (see {@link RegressionTree#copyInto}): per node one int
     * holding the index of the left child above the low {@link #featureBits} bits and the split
     * feature in them, so one walk step reads one int and one threshold. A leaf is its own left
     * child with threshold +infinity, and its value sits in {@link #leafValue}.
     */
    private final int[] nodeLinks;

    private final int featureBits;
    private final int featureMask;
    private final double[] nodeThreshold;
    private final double[] leafValue;
    private final int[] roots;

    private RandomForest(RegressionTree[] trees, int width) {
        this.trees = trees;
        int total = 0;
        roots = new int[trees.length];
        for (int t = 0; t < trees.length; t++) {
            roots[t] = total;
            total += trees[t].nodes();
        }
        featureBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, width - 1)));
        featureMask = (1 << featureBits) - 1;
        if (featureBits >= 31 || total > (Integer.MAX_VALUE >>> featureBits)) {
            throw new IllegalArgumentException(
                    "a forest of "
                            + total
                            + " nodes over "
                            + width
                            + " features is too large to index; use fewer trees or training rows");
        }
        nodeLinks = new int[total];
        nodeThreshold = new double[total];
        leafValue = new double[total];
        ParallelLoop.forEach(
                trees.length,
                t -> trees[t].copyInto(nodeLinks, featureBits, nodeThreshold, leafValue, roots[t]));
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
            throw new IllegalArgumentException(
                    "a forest needs at least one row and one target per row, got "
                            + n
                            + " rows and "
                            + y.length
                            + " targets");
        }
        int d = x[0].length;
        double[][] cols = new double[d][n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                cols[f][i] = x[i][f];
            }
        }
        int[][] order = new int[d][];
        ParallelLoop.forEach(d, f -> order[f] = IndexSort.byKey(cols[f]));
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom[] treeRngs = new SplittableRandom[settings.trees()];
        for (int t = 0; t < treeRngs.length; t++) {
            treeRngs[t] = rng.split();
        }
        // Trees are independent and each has its own generator, so growing them in parallel stays
        // deterministic.
        RegressionTree[] trees = new RegressionTree[settings.trees()];
        ParallelLoop.forEach(
                trees.length,
                t -> {
                    SplittableRandom treeRng = treeRngs[t];
                    int[] weight = new int[n];
                    int distinct = 0;
                    int draws = settings.bootstrap() ? Math.min(n, MAX_BOOTSTRAP_ROWS) : n;
                    for (int i = 0; i < draws; i++) {
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
                    trees[t] =
                            d == 0
                                    ? constantTree(y, weight, settings, treeRng)
                                    : RegressionTree.grow(
                                            cols, y, weight, sorted, settings, treeRng);
                });
        return new RandomForest(trees, d);
    }

    private static RegressionTree constantTree(
            double[] y, int[] weight, ForestSettings s, SplittableRandom rng) {
        int n = y.length;
        double[][] cols = {new double[n]};
        int[][] sorted = {
            java.util.stream.IntStream.range(0, n).filter(r -> weight[r] > 0).toArray()
        };
        return RegressionTree.grow(cols, y, weight, sorted, s, rng);
    }

    /** Number of trees. */
    public int size() {
        return trees.length;
    }

    @Override
    public void predict(double[][] features, double[] mean, double[] variance) {
        int width = features.length == 0 ? 0 : features[0].length;
        double[] flat = new double[features.length * width];
        for (int i = 0; i < features.length; i++) {
            System.arraycopy(features[i], 0, flat, i * width, width);
        }
        predictFlat(flat, width, mean, variance);
    }

    @Override
    public void predictFlat(double[] flat, int width, double[] mean, double[] variance) {
        int n = mean.length;
        if (n >= PARALLEL_ROWS) {
            ParallelLoop.forEach(
                    (n + PARALLEL_ROWS - 1) / PARALLEL_ROWS,
                    chunk ->
                            predictFlatRange(
                                    flat,
                                    width,
                                    mean,
                                    variance,
                                    chunk * PARALLEL_ROWS,
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
     * Each row descends four trees together, without a branch on the comparison (the child index is
     * computed), so the four walks' memory reads overlap; a walk that reached its leaf stays there,
     * as a leaf points to itself. Leaves are summed in tree order.
     */
    private void predictFlatRangeTrees(
            double[] flat, int width, double[] mean, double[] variance, int from, int to) {
        int t = roots.length;
        // A leaf reads feature 0; a forest without features still has a zero there.
        double[] rows = width == 0 ? NO_FEATURES : flat;
        int[] links = nodeLinks;
        int fb = featureBits;
        int fm = featureMask;
        double[] thr = nodeThreshold;
        int[] r = roots;
        for (int i = from; i < to; i++) {
            int b = i * width;
            double s = 0;
            double q = 0;
            int k = 0;
            for (; k + 3 < t; k += 4) {
                int n0 = r[k];
                int n1 = r[k + 1];
                int n2 = r[k + 2];
                int n3 = r[k + 3];
                while (true) {
                    int l0 = links[n0];
                    int c0 = (l0 >>> fb) + (rows[b + (l0 & fm)] > thr[n0] ? 1 : 0);
                    int l1 = links[n1];
                    int c1 = (l1 >>> fb) + (rows[b + (l1 & fm)] > thr[n1] ? 1 : 0);
                    int l2 = links[n2];
                    int c2 = (l2 >>> fb) + (rows[b + (l2 & fm)] > thr[n2] ? 1 : 0);
                    int l3 = links[n3];
                    int c3 = (l3 >>> fb) + (rows[b + (l3 & fm)] > thr[n3] ? 1 : 0);
                    if (((c0 ^ n0) | (c1 ^ n1) | (c2 ^ n2) | (c3 ^ n3)) == 0) {
                        break;
                    }
                    n0 = c0;
                    n1 = c1;
                    n2 = c2;
                    n3 = c3;
                }
                double p0 = leafValue[n0];
                double p1 = leafValue[n1];
                double p2 = leafValue[n2];
                double p3 = leafValue[n3];
                s += p0;
                q += p0 * p0;
                s += p1;
                q += p1 * p1;
                s += p2;
                q += p2 * p2;
                s += p3;
                q += p3 * p3;
            }
            for (; k < t; k++) {
                int node = r[k];
                int next;
                while ((next =
                                (links[node] >>> fb)
                                        + (rows[b + (links[node] & fm)] > thr[node] ? 1 : 0))
                        != node) {
                    node = next;
                }
                double p = leafValue[node];
                s += p;
                q += p * p;
            }
            double m = s / t;
            mean[i] = m;
            variance[i] = Math.max(MIN_VARIANCE, q / t - m * m);
        }
    }

    /**
     * Predicts rows {@code from..to-1} of row-major {@code flat}: four rows at a time down each
     * tree when there are enough rows, otherwise four trees at a time down each row. Either way
     * each row sums its trees in tree order, so the results are the same.
     */
    private void predictFlatRange(
            double[] flat, int width, double[] mean, double[] variance, int from, int to) {
        if (to - from >= 4) {
            predictFlatRangeRows(flat, width, mean, variance, from, to);
        } else {
            predictFlatRangeTrees(flat, width, mean, variance, from, to);
        }
    }

    /**
     * Tree by tree (its nodes stay in cache), four rows descending together as in {@link
     * #predictFlatRangeTrees}.
     */
    private void predictFlatRangeRows(
            double[] flat, int width, double[] mean, double[] variance, int from, int to) {
        int t = roots.length;
        // A leaf reads feature 0; a forest without features still has a zero there.
        double[] rows = width == 0 ? NO_FEATURES : flat;
        int[] links = nodeLinks;
        int fb = featureBits;
        int fm = featureMask;
        double[] thr = nodeThreshold;
        for (int i = from; i < to; i++) {
            mean[i] = 0;
            variance[i] = 0;
        }
        for (int root : roots) {
            int i = from;
            for (; i + 3 < to; i += 4) {
                int b0 = i * width;
                int b1 = b0 + width;
                int b2 = b1 + width;
                int b3 = b2 + width;
                int n0 = root;
                int n1 = root;
                int n2 = root;
                int n3 = root;
                while (true) {
                    int l0 = links[n0];
                    int c0 = (l0 >>> fb) + (rows[b0 + (l0 & fm)] > thr[n0] ? 1 : 0);
                    int l1 = links[n1];
                    int c1 = (l1 >>> fb) + (rows[b1 + (l1 & fm)] > thr[n1] ? 1 : 0);
                    int l2 = links[n2];
                    int c2 = (l2 >>> fb) + (rows[b2 + (l2 & fm)] > thr[n2] ? 1 : 0);
                    int l3 = links[n3];
                    int c3 = (l3 >>> fb) + (rows[b3 + (l3 & fm)] > thr[n3] ? 1 : 0);
                    if (((c0 ^ n0) | (c1 ^ n1) | (c2 ^ n2) | (c3 ^ n3)) == 0) {
                        break;
                    }
                    n0 = c0;
                    n1 = c1;
                    n2 = c2;
                    n3 = c3;
                }
                accumulate(mean, variance, i, leafValue[n0]);
                accumulate(mean, variance, i + 1, leafValue[n1]);
                accumulate(mean, variance, i + 2, leafValue[n2]);
                accumulate(mean, variance, i + 3, leafValue[n3]);
            }
            for (; i < to; i++) {
                int base = i * width;
                int node = root;
                int next;
                while ((next =
                                (links[node] >>> fb)
                                        + (rows[base + (links[node] & fm)] > thr[node] ? 1 : 0))
                        != node) {
                    node = next;
                }
                accumulate(mean, variance, i, leafValue[node]);
            }
        }
        for (int i = from; i < to; i++) {
            double m = mean[i] / t;
            mean[i] = m;
            variance[i] = Math.max(MIN_VARIANCE, variance[i] / t - m * m);
        }
    }

    private static void accumulate(double[] mean, double[] variance, int i, double p) {
        mean[i] += p;
        variance[i] += p * p;
    }

    private double walk(int root, double[] x) {
        // A leaf reads feature 0; a forest without features still has a zero there.
        double[] row = x.length == 0 ? NO_FEATURES : x;
        int node = root;
        int next;
        while ((next =
                        (nodeLinks[node] >>> featureBits)
                                + (row[nodeLinks[node] & featureMask] > nodeThreshold[node]
                                        ? 1
                                        : 0))
                != node) {
            node = next;
        }
        return leafValue[node];
    }
}
