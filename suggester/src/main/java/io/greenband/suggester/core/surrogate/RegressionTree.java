package io.greenband.suggester.core.surrogate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One CART regression tree (squared error, best split) stored in flat arrays. Rows carry bootstrap
 * multiplicities as weights; each node owns one contiguous segment of every feature's presorted row
 * list, which is stably partitioned on a split, so no node ever sorts.
 */
final class RegressionTree {

    private int[] feature = new int[64];
    private double[] threshold = new double[64];

    /** Index of the left child; the right child always follows it. */
    private int[] left = new int[64];

    private double[] value = new double[64];
    private int size;

    /** Predicted value for one feature row. */
    double predict(double[] x) {
        int node = 0;
        while (feature[node] >= 0) {
            node = x[feature[node]] <= threshold[node] ? left[node] : left[node] + 1;
        }
        return value[node];
    }

    int nodes() {
        return size;
    }

    /**
     * Appends this tree to a flat node layout shared by a forest, starting at node {@code offset}:
     * {@code links[k]} holds the absolute index of the left child (the right one follows it)
     * shifted left by {@code featureBits}, and the split feature in those low bits. A leaf splits
     * on feature 0 at +infinity and is its own left child, so a walk that reaches it stays; its
     * prediction goes to {@code outValue}.
     */
    void copyInto(
            int[] links, int featureBits, double[] outThreshold, double[] outValue, int offset) {
        for (int i = 0; i < size; i++) {
            int k = offset + i;
            boolean leaf = feature[i] < 0;
            links[k] = ((leaf ? k : offset + left[i]) << featureBits) | (leaf ? 0 : feature[i]);
            outThreshold[k] = leaf ? Double.POSITIVE_INFINITY : threshold[i];
            outValue[k] = leaf ? value[i] : 0;
        }
    }

    /**
     * Grows a tree.
     *
     * @param cols features by column ({@code cols[f][row]})
     * @param y targets per row
     * @param weight multiplicity per row (0 = not in this tree's sample)
     * @param sorted per feature, the rows in increasing feature order (only rows with weight > 0)
     */
    static RegressionTree grow(
            double[][] cols,
            double[] y,
            int[] weight,
            int[][] sorted,
            ForestSettings s,
            SplittableRandom rng) {
        RegressionTree t = new RegressionTree();
        int d = cols.length;
        int n = d == 0 ? 0 : sorted[0].length;
        double totalWeight = 0;
        for (int r : sorted.length == 0 ? new int[0] : sorted[0]) {
            totalWeight += weight[r];
        }
        int maxFeatures = Math.max(1, (int) (d * s.ratioFeatures()));
        // 1 where a row goes left at the current split: arithmetic on it keeps the partitions free
        // of branches.
        byte[] goesLeft = new byte[y.length];
        // Weighted targets once per tree, so the split scans read one array per row instead of two.
        double[] wy = new double[y.length];
        double[] wyy = new double[y.length];
        for (int r : sorted.length == 0 ? new int[0] : sorted[0]) {
            wy[r] = weight[r] * y[r];
            wyy[r] = weight[r] * y[r] * y[r];
        }
        int[] buffer = new int[n];
        int[] features = new int[d];
        for (int f = 0; f < d; f++) {
            features[f] = f;
        }
        // Work stack of (node, start, end, depth).
        int[] stack = new int[64 * 4];
        int top = 0;
        t.newNode();
        stack[top++] = 0;
        stack[top++] = 0;
        stack[top++] = n;
        stack[top++] = 0;
        while (top > 0) {
            int depth = stack[--top];
            int end = stack[--top];
            int start = stack[--top];
            int node = stack[--top];
            double w = 0;
            double sum = 0;
            double sq = 0;
            int[] rows = sorted[0];
            for (int i = start; i < end; i++) {
                int r = rows[i];
                w += weight[r];
                sum += wy[r];
                sq += wyy[r];
            }
            double sse = Math.max(0, sq - sum * sum / w);
            boolean leaf =
                    end - start < s.minSamplesSplit() || depth >= s.maxDepth() || sse / w <= 1e-15;
            int bestF = -1;
            double bestThr = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            if (!leaf) {
                for (int i = d - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int tmp = features[i];
                    features[i] = features[j];
                    features[j] = tmp;
                }
                for (int k = 0; k < maxFeatures; k++) {
                    int f = features[k];
                    int[] order = sorted[f];
                    double[] x = cols[f];
                    if (x[order[start]] == x[order[end - 1]]) {
                        continue;
                    }
                    double wl = 0;
                    double sl = 0;
                    for (int i = start; i < end - 1; i++) {
                        int r = order[i];
                        wl += weight[r];
                        sl += wy[r];
                        double xi = x[r];
                        double xn = x[order[i + 1]];
                        if (xi == xn
                                || i + 1 - start < s.minSamplesLeaf()
                                || end - i - 1 < s.minSamplesLeaf()) {
                            continue;
                        }
                        double wr = w - wl;
                        double sr = sum - sl;
                        // score = sl²/wl + sr²/wr, compared as score·wl·wr so the scan needs no
                        // division.
                        double num = sl * sl * wr + sr * sr * wl;
                        double den = wl * wr;
                        if (num > bestScore * den) {
                            bestScore = num / den;
                            bestF = f;
                            double mid = (xi + xn) / 2;
                            bestThr = mid < xn ? mid : xi;
                        }
                    }
                }
                double gain = bestScore - sum * sum / w;
                leaf = bestF < 0 || gain / totalWeight < s.minImpurityDecrease();
            }
            if (leaf) {
                t.feature[node] = -1;
                t.value[node] = leafValue(rows, start, end, y, weight, s.logLeaves());
                continue;
            }
            int[] order = sorted[bestF];
            int nLeft = 0;
            double[] splitCol = cols[bestF];
            for (int i = start; i < end; i++) {
                int l = splitCol[order[i]] <= bestThr ? 1 : 0;
                goesLeft[order[i]] = (byte) l;
                nLeft += l;
            }
            for (int f = 0; f < d; f++) {
                partition(sorted[f], start, end, goesLeft, buffer);
            }
            int l = t.newNode();
            int r = t.newNode();
            t.feature[node] = bestF;
            t.threshold[node] = bestThr;
            t.left[node] = l;
            if (top + 8 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = l;
            stack[top++] = start;
            stack[top++] = start + nLeft;
            stack[top++] = depth + 1;
            stack[top++] = r;
            stack[top++] = start + nLeft;
            stack[top++] = end;
            stack[top++] = depth + 1;
        }
        return t;
    }

    /**
     * Stable partition of a segment: left rows stay in place (the write index never passes the read
     * index), right rows go through {@code buffer}. Both writes happen and only the counters move,
     * because which side a row takes is as good as random to the branch predictor.
     */
    private static void partition(int[] order, int start, int end, byte[] goesLeft, int[] buffer) {
        int k = start;
        int b = 0;
        for (int i = start; i < end; i++) {
            int r = order[i];
            int left = goesLeft[r];
            order[k] = r;
            buffer[b] = r;
            k += left;
            b += 1 - left;
        }
        System.arraycopy(buffer, 0, order, k, b);
    }

    private static double leafValue(
            int[] rows, int start, int end, double[] y, int[] weight, boolean logLeaves) {
        double w = 0;
        double sum = 0;
        if (!logLeaves) {
            for (int i = start; i < end; i++) {
                w += weight[rows[i]];
                sum += weight[rows[i]] * y[rows[i]];
            }
            return sum / w;
        }
        double ymax = Double.NEGATIVE_INFINITY;
        for (int i = start; i < end; i++) {
            ymax = Math.max(ymax, y[rows[i]]);
        }
        for (int i = start; i < end; i++) {
            w += weight[rows[i]];
            sum += weight[rows[i]] * Math.exp(y[rows[i]] - ymax);
        }
        return ymax + Math.log(sum / w);
    }

    private int newNode() {
        if (size == feature.length) {
            int cap = size * 2;
            feature = Arrays.copyOf(feature, cap);
            threshold = Arrays.copyOf(threshold, cap);
            left = Arrays.copyOf(left, cap);
            value = Arrays.copyOf(value, cap);
        }
        feature[size] = -1;
        return size++;
    }
}
