package io.greenband.suggester.core.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The one-exchange neighbourhood of a configuration: every other choice of a categorical, the adjacent
 * positions of an ordinal, up to {@link #NUMERIC_NEIGHBOURS} Gaussian steps of a float or integer. The
 * hyperparameter varied next is drawn at random, so neighbours of different hyperparameters interleave.
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

    List<double[]> of(double[] vector, double stdev, SplittableRandom rng) {
        List<double[]> perDim = new ArrayList<>();
        List<Integer> dimOf = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            if (!Double.isNaN(vector[i]) && dims.get(i).cardinality() != 1) {
                double[] values = valuesFor(dims.get(i), vector[i], stdev, rng);
                if (values.length > 0) {
                    perDim.add(values);
                    dimOf.add(i);
                }
            }
        }
        int[] next = new int[perDim.size()];
        int remaining = perDim.stream().mapToInt(a -> a.length).sum();
        List<double[]> out = new ArrayList<>(remaining);
        while (remaining > 0) {
            int pick = rng.nextInt(remaining);
            int d = 0;
            while (pick >= perDim.get(d).length - next[d]) {
                pick -= perDim.get(d).length - next[d];
                d++;
            }
            double[] candidate = vector.clone();
            candidate[dimOf.get(d)] = perDim.get(d)[next[d]++];
            remaining--;
            space.resolveActivity(candidate);
            if (!space.isForbidden(candidate)) {
                out.add(candidate);
            }
        }
        return out;
    }

    private static double[] valuesFor(Dimension dim, double u, double stdev, SplittableRandom rng) {
        switch (dim.kind()) {
            case CATEGORICAL: {
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
            case ORDINAL: {
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
                return gaussianSteps(dim, u, stdev, Math.min(NUMERIC_NEIGHBOURS, dim.cardinality() - 1), rng);
            default:
                return new double[0];
        }
    }

    /** Distinct steps N(u, stdev) kept inside [0,1] (snapped for integers); the step widens when too few land. */
    private static double[] gaussianSteps(Dimension dim, double u, double stdev, int wanted, SplittableRandom rng) {
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
