package io.greenband.suggester.core.design;

import io.greenband.suggester.core.space.ParamKind;
import io.greenband.suggester.core.space.SearchSpace;
import io.greenband.suggester.core.space.VectorSpace;
import java.util.SplittableRandom;

/**
 * A space-filling initial design: a Latin hypercube of {@code size} points. Each numeric entry
 * takes one value from each of {@code size} equal strata of the unit interval (at a random place
 * inside it), each choice entry cycles through its choices as evenly as {@code size} allows, and
 * every column is shuffled on its own. The whole design is drawn once from its own seed, so it does
 * not depend on the order of asks; a point that breaks a forbidden clause, or repeats an earlier
 * one, is replaced by a uniform random configuration.
 */
public final class LatinHypercubeDesign implements InitialDesign {

    private final SearchSpace space;
    private final double[][] points;

    /** A design of {@code size} points over {@code space}, drawn from {@code seed}. */
    public LatinHypercubeDesign(SearchSpace space, int size, long seed) {
        this.space = space;
        this.points = new double[size][space.dimension()];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int j = 0; j < space.dimension(); j++) {
            int[] order = permutation(size, rng);
            ParamKind kind = space.kind(j);
            for (int i = 0; i < size; i++) {
                double value =
                        switch (kind) {
                            case FLOAT, INT -> (order[i] + rng.nextDouble()) / size;
                            case CATEGORICAL, ORDINAL -> order[i] % space.cardinality(j);
                            case CONSTANT -> 0;
                        };
                points[i][j] =
                        space instanceof VectorSpace vs ? vs.dimensionAt(j).snap(value) : value;
            }
        }
        if (space instanceof VectorSpace vs) {
            for (double[] p : points) {
                vs.resolveActivity(p);
            }
        }
    }

    @Override
    public int size() {
        return points.length;
    }

    @Override
    public double[] config(int index, SplittableRandom rng) {
        double[] p = points[index];
        return space.isValid(p) ? p.clone() : space.sampleUniform(rng);
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[k];
            p[k] = t;
        }
        return p;
    }
}
