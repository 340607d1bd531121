package io.greenband.suggester.core.design;

import io.greenband.suggester.core.space.SearchSpace;
import java.util.SplittableRandom;

/**
 * SMAC's multi-fidelity initial design: uniform random configurations (weights ignored), as many as
 * {@code max(1, min(CONFIGS_PER_HYPERPARAMETER · d, floor(MAX_RATIO · nTrials)))}.
 */
public final class RandomInitialDesign implements InitialDesign {

    /** Configurations per hyperparameter. */
    public static final int CONFIGS_PER_HYPERPARAMETER = 10;

    /** Largest share of the trial budget the design may take. */
    public static final double MAX_RATIO = 0.25;

    private final SearchSpace space;
    private final int size;

    /** The design for {@code space} and a study of about {@code nTrials} trials. */
    public RandomInitialDesign(SearchSpace space, int nTrials) {
        this.space = space;
        this.size = sizeFor(space.dimension(), nTrials);
    }

    /** A design of exactly {@code size} uniform random configurations. */
    public static RandomInitialDesign ofSize(SearchSpace space, int size) {
        return new RandomInitialDesign(space, size, true);
    }

    private RandomInitialDesign(SearchSpace space, int size, boolean exact) {
        this.space = space;
        this.size = size;
    }

    /** {@code max(1, min(10·d, floor(0.25·nTrials)))}. */
    public static int sizeFor(int dimension, int nTrials) {
        return Math.max(
                1,
                Math.min(
                        CONFIGS_PER_HYPERPARAMETER * dimension,
                        (int) Math.floor(MAX_RATIO * nTrials)));
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double[] config(int index, SplittableRandom rng) {
        return space.sampleUniform(rng);
    }
}
