package io.greenband.benchmarks.suggester;

import io.greenband.suggester.core.space.VectorSpace;
import java.util.Map;

/**
 * A minimization test problem with a known Pareto front and a fidelity whose distortion vanishes at the
 * maximum budget.
 */
interface Problem {

    /** Short name used in tables and JSON. */
    String id();

    /** The configuration space. */
    VectorSpace space();

    /** Number of objectives. */
    int objectives();

    /**
     * The objective values of {@code config}.
     *
     * @param distortion 0 at the maximum budget (exact values), up to 1 at the minimum budget
     */
    double[] evaluate(Map<String, Object> config, double distortion);

    /** Per objective, the best value on the true front (normalization lower end). */
    double[] ideal();

    /** Per objective, the worst value on the true front (normalization upper end). */
    double[] nadir();

    /** Hypervolume of the true front in the normalized space, reference point {@link Hypervolume#REFERENCE}. */
    double trueHypervolume();

    /** The numeric value of {@code name}, for floats and integers. */
    static double num(Map<String, Object> config, String name) {
        return ((Number) config.get(name)).doubleValue();
    }
}
