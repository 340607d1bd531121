package io.greenband.suggester.core.space;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the optimizer needs from a configuration space. Configurations are vectors with one entry
 * per hyperparameter in {@link #names()} order: numbers scaled to [0,1] (on the log scale when the
 * hyperparameter is logarithmic), the index of a categorical choice or ordinal position, 0 for a
 * constant, and NaN for a hyperparameter that is inactive under the conditions.
 */
public interface SearchSpace {

    /** Number of hyperparameters (vector length). */
    int dimension();

    /** Hyperparameter names, in vector order. */
    List<String> names();

    /** The kind of hyperparameter {@code index}. */
    ParamKind kind(int index);

    /**
     * Number of distinct values of hyperparameter {@code index}: choices of a categorical or
     * ordinal, integers of an int, 1 for a constant, 0 for a float.
     */
    int cardinality(int index);

    /**
     * A random valid configuration drawn from the space's distribution (categorical weights
     * honoured).
     */
    double[] sample(SplittableRandom rng);

    /**
     * A random valid configuration with every weight ignored (SMAC's initial design samples this
     * way).
     */
    default double[] sampleUniform(SplittableRandom rng) {
        return sample(rng);
    }

    /** The default configuration as a vector. */
    double[] defaults();

    /**
     * True when the vector respects domains, conditions (NaN exactly when inactive) and forbidden
     * clauses.
     */
    boolean isValid(double[] vector);

    /**
     * Valid configurations that differ from {@code vector} in exactly one active hyperparameter
     * (children switched on take their default, children switched off become NaN), in random order.
     *
     * @param stdev step size in unit space for numeric hyperparameters
     */
    List<double[]> neighbours(double[] vector, double stdev, SplittableRandom rng);

    /**
     * The same neighbours as {@link #neighbours}, in the same order, drawn as they are taken; a
     * local search that moves after a few of them leaves the rest undrawn.
     */
    default Iterator<double[]> neighbourhood(double[] vector, double stdev, SplittableRandom rng) {
        return neighbours(vector, stdev, rng).iterator();
    }

    /** The hyperparameter values of a vector, active ones only, in vector order. */
    Map<String, Object> decode(double[] vector);

    /**
     * The vector of a configuration given as values; throws IllegalArgumentException naming the
     * problem.
     */
    double[] encode(Map<String, ?> values);
}
