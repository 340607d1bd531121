package io.greenband.pareto;

import java.util.Arrays;
import java.util.Objects;

/**
 * One objective vector to be minimized, identified by the trial it belongs to.
 *
 * <p>The array is copied in and out so a point can never change after it entered a front.
 *
 * @param id identity of the point (a trial id, or trial id and attempt); fronts deduplicate by it
 * @param values finite objective values, all minimized
 */
public record ParetoPoint(String id, double[] values) {

    /** Validates and copies the values. */
    public ParetoPoint {
        Objects.requireNonNull(id, "id must not be null");
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(
                    "values of point " + id + " must hold at least one objective");
        }
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        "values["
                                + i
                                + "] of point "
                                + id
                                + " is "
                                + values[i]
                                + ": only finite values can enter a front; mark the objective missing instead");
            }
            values[i] += 0.0; // turns -0.0 into 0.0 so ordered maps see one zero
        }
    }

    /** Convenience factory. */
    public static ParetoPoint of(String id, double... values) {
        return new ParetoPoint(id, values);
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The value of objective {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /** Number of objectives. */
    public int dimension() {
        return values.length;
    }

    /** The internal array, for read-only use inside this package (avoids a copy on hot paths). */
    double[] raw() {
        return values;
    }

    /** Whether both points hold exactly the same vector (ids ignored). */
    public boolean sameValues(ParetoPoint other) {
        return Arrays.equals(values, other.values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParetoPoint p && id.equals(p.id) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return id + Arrays.toString(values);
    }
}
