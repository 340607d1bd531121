package io.greenband.benchmarks.suggester;

import io.greenband.pareto.HypervolumeFrame;
import io.greenband.suggester.core.space.Dimension;
import io.greenband.suggester.core.space.VectorSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimization test problem with a known Pareto front and a fidelity whose distortion vanishes at
 * the maximum budget.
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

    /**
     * Hypervolume of the true front in the normalized space, reference point {@link
     * HypervolumeFrame#DERIVED_REFERENCE}.
     */
    double trueHypervolume();

    /**
     * The frame every hypervolume of this problem is measured in: each objective mapped to [0, 1]
     * by the true front's ideal and nadir points, the reference at {@link
     * HypervolumeFrame#DERIVED_REFERENCE} in each.
     */
    default HypervolumeFrame frame() {
        return HypervolumeFrame.fromBounds(ideal(), nadir());
    }

    /** Hypervolume of minimized points in {@link #frame()}. */
    default double hypervolume(double[][] points) {
        return frame().hypervolumeOfVectors(java.util.Arrays.asList(points));
    }

    /**
     * The noise-free values at the maximum budget: what regret is measured on. Equal to {@code
     * evaluate(config, 0)} unless the problem is noisy.
     */
    default double[] exact(Map<String, Object> config) {
        return evaluate(config, 0);
    }

    /**
     * Restarts the problem's noise stream for a run with {@code seed} (no-op for noise-free
     * problems).
     */
    default void reset(long seed) {}

    /**
     * The space as the Optuna peer reads it: per dimension name, type (float, int, categorical),
     * bounds, log flag, choices, and for a conditional one its parent and the parent values that
     * activate it.
     */
    default List<Map<String, Object>> peerSpace() {
        return peerSpace(space(), Map.of());
    }

    /**
     * {@link #peerSpace()} of {@code space}; {@code parents} maps a child to its parent and
     * activating values.
     */
    static List<Map<String, Object>> peerSpace(
            VectorSpace space, Map<String, Map.Entry<String, List<?>>> parents) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < space.dimension(); i++) {
            Dimension d = space.dimensionAt(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            switch (d.kind()) {
                case FLOAT, INT -> {
                    m.put("type", d.kind().name().toLowerCase());
                    m.put("low", d.lower());
                    m.put("high", d.upper());
                    m.put("log", d.log());
                }
                default -> {
                    m.put("type", "categorical");
                    m.put("choices", d.values());
                }
            }
            Map.Entry<String, List<?>> parent = parents.get(d.name());
            if (parent != null) {
                m.put("parent", parent.getKey());
                m.put("parent_values", parent.getValue());
            }
            out.add(m);
        }
        return out;
    }

    /** The numeric value of {@code name}, for floats and integers. */
    static double num(Map<String, Object> config, String name) {
        return ((Number) config.get(name)).doubleValue();
    }
}
