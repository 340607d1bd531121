package io.greenband.suggester.core.space;

import java.util.List;
import java.util.function.DoublePredicate;

/**
 * A forbidden clause stated on vector entries: a configuration for which any top-level clause
 * {@link #forbids} is invalid. A clause on an inactive (NaN) entry is not triggered.
 */
@FunctionalInterface
public interface VectorForbidden {

    /** True when the configuration breaks this clause. */
    boolean forbids(double[] vector);

    /** Triggered when entry {@code index} is active and {@code test} accepts it. */
    static VectorForbidden of(int index, DoublePredicate test) {
        return v -> !Double.isNaN(v[index]) && test.test(v[index]);
    }

    /** Triggered when entry {@code index} equals one of {@code vectorValues}. */
    static VectorForbidden in(int index, double... vectorValues) {
        double[] copy = vectorValues.clone();
        return of(
                index,
                x -> {
                    for (double c : copy) {
                        if (Math.abs(c - x) < 1e-12) {
                            return true;
                        }
                    }
                    return false;
                });
    }

    /** Triggered when both entries are active and {@code test} accepts the pair. */
    static VectorForbidden relation(
            int left, int right, java.util.function.BiPredicate<Double, Double> test) {
        return v ->
                !Double.isNaN(v[left]) && !Double.isNaN(v[right]) && test.test(v[left], v[right]);
    }

    /** Triggered when every part is. */
    static VectorForbidden all(List<VectorForbidden> parts) {
        List<VectorForbidden> copy = List.copyOf(parts);
        return v -> {
            for (VectorForbidden p : copy) {
                if (!p.forbids(v)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Triggered when any part is. */
    static VectorForbidden any(List<VectorForbidden> parts) {
        List<VectorForbidden> copy = List.copyOf(parts);
        return v -> {
            for (VectorForbidden p : copy) {
                if (p.forbids(v)) {
                    return true;
                }
            }
            return false;
        };
    }
}
