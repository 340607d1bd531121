package io.greenband.suggester.core.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The one-exchange neighbourhood of a configuration: every other choice of a categorical, the
 * adjacent positions of an ordinal, up to {@link #NUMERIC_NEIGHBOURS} Gaussian steps of a float or
 * integer. The hyperparameter varied next is drawn at random, so neighbours of different
 * hyperparameters interleave. A hyperparameter's values are drawn when it is first picked.
 */
final class Neighbourhood {

    /** Neighbours per numeric hyperparameter (SMAC passes 8). */
    static final int NUMERIC_NEIGHBOURS = 8;

    /** Gaussian draws per numeric hyperparameter before widening the step. */
    private static final int DRAWS_PER_WIDENING = 16;

    private final VectorSpace space;
    private final List<Dimension> dims;

    Neighbourhood(VectorSpace space, List<Dimension> dims) {
        this.space = space;
        this.dims = dims;
    }

    /** The whole neighbourhood, in the order {@link #iterator} yields it. */
    List<double[]> of(double[] vector, double stdev, SplittableRandom rng) {
        List<double[]> out = new ArrayList<>();
        Iterator<double[]> it = iterator(vector, stdev, rng);
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    /**
     * The neighbourhood drawn lazily: a hyperparameter's values are drawn the first time it is
     * picked, so a local search that moves after a few neighbours does not pay for the rest.
     */
    Iterator<double[]> iterator(double[] vector, double stdev, SplittableRandom rng) {
        return new Lazy(vector, stdev, rng);
    }

    private final class Lazy implements Iterator<double[]> {
        private final double[] vector;
        private final double stdev;
        private final SplittableRandom rng;

        /**
         * Per varied hyperparameter: its index, how many values it offers, the values once drawn,
         * how many used.
         */
        private final int[] dimOf;

        private final int[] count;
        private final double[][] values;
        private final int[] used;
        private int remaining;
        private double[] pending;

        Lazy(double[] vector, double stdev, SplittableRandom rng) {
            this.vector = vector;
            this.stdev = stdev;
            this.rng = rng;
            int[] dimIdx = new int[dims.size()];
            int[] cnt = new int[dims.size()];
            int k = 0;
            for (int i = 0; i < dims.size(); i++) {
                if (!Double.isNaN(vector[i]) && dims.get(i).cardinality() != 1) {
                    int c = expectedCount(dims.get(i), vector[i]);
                    if (c > 0) {
                        dimIdx[k] = i;
                        cnt[k++] = c;
                        remaining += c;
                    }
                }
            }
            dimOf = Arrays.copyOf(dimIdx, k);
            count = Arrays.copyOf(cnt, k);
            values = new double[k][];
            used = new int[k];
        }

        @Override
        public boolean hasNext() {
            if (pending == null) {
                pending = advance();
            }
            return pending != null;
        }

        @Override
        public double[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the neighbourhood is exhausted");
            }
            double[] out = pending;
            pending = null;
            return out;
        }

        private double[] advance() {
            while (remaining > 0) {
                int pick = rng.nextInt(remaining);
                int d = 0;
                while (pick >= count[d] - used[d]) {
                    pick -= count[d] - used[d];
                    d++;
                }
                if (values[d] == null) {
                    values[d] = valuesFor(dims.get(dimOf[d]), vector[dimOf[d]], stdev, rng);
                    if (values[d].length < count[d]) {
                        // Fewer distinct steps landed than expected: shrink the count and pick
                        // again.
                        remaining -= count[d] - values[d].length;
                        count[d] = values[d].length;
                        continue;
                    }
                }
                double[] candidate = vector.clone();
                candidate[dimOf[d]] = values[d][used[d]++];
                remaining--;
                space.resolveActivity(candidate);
                if (!space.isForbidden(candidate)) {
                    return candidate;
                }
            }
            return null;
        }
    }

    /** How many values {@link #valuesFor} returns for a hyperparameter at {@code u}, at most. */
    private static int expectedCount(Dimension dim, double u) {
        return switch (dim.kind()) {
            case CATEGORICAL -> dim.cardinality() - 1;
            case ORDINAL -> (u - 1 >= 0 ? 1 : 0) + (u + 1 < dim.cardinality() ? 1 : 0);
            case FLOAT -> NUMERIC_NEIGHBOURS;
            case INT -> Math.min(NUMERIC_NEIGHBOURS, dim.cardinality() - 1);
            default -> 0;
        };
    }

    private static double[] valuesFor(Dimension dim, double u, double stdev, SplittableRandom rng) {
        switch (dim.kind()) {
            case CATEGORICAL:
                {
                    int n = dim.cardinality();
                    double[] out = new double[n - 1];
                    int k = 0;
                    for (int c = 0; c < n; c++) {
                        if (c != (int) u) {
                            out[k++] = c;
                        }
                    }
                    shuffle(out, rng);
                    return out;
                }
            case ORDINAL:
                {
                    List<Double> adj = new ArrayList<>(2);
                    if (u - 1 >= 0) {
                        adj.add(u - 1);
                    }
                    if (u + 1 < dim.cardinality()) {
                        adj.add(u + 1);
                    }
                    return adj.stream().mapToDouble(Double::doubleValue).toArray();
                }
            case FLOAT:
                return gaussianSteps(dim, u, stdev, NUMERIC_NEIGHBOURS, rng);
            case INT:
                return gaussianSteps(
                        dim, u, stdev, Math.min(NUMERIC_NEIGHBOURS, dim.cardinality() - 1), rng);
            default:
                return new double[0];
        }
    }

    /**
     * Distinct steps N(u, stdev) kept inside [0,1] (snapped for integers); the step widens when too
     * few land.
     */
    private static double[] gaussianSteps(
            Dimension dim, double u, double stdev, int wanted, SplittableRandom rng) {
        double[] out = new double[wanted];
        int k = 0;
        double sd = Math.max(1e-6, stdev);
        for (int draws = 1; k < wanted && draws <= DRAWS_PER_WIDENING * 8; draws++) {
            double x = u + sd * gaussian(rng);
            if (x >= 0 && x <= 1) {
                double snapped = dim.snap(x);
                boolean fresh = snapped != u;
                for (int j = 0; j < k && fresh; j++) {
                    fresh = out[j] != snapped;
                }
                if (fresh) {
                    out[k++] = snapped;
                }
            }
            if (draws % DRAWS_PER_WIDENING == 0) {
                sd = Math.min(1.0, sd * 2);
            }
        }
        return Arrays.copyOf(out, k);
    }

    static double gaussian(SplittableRandom rng) {
        // Box-Muller; one draw per call keeps the stream position independent of caching.
        double a = rng.nextDouble();
        double b = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - a)) * Math.cos(2 * Math.PI * b);
    }

    private static void shuffle(double[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
