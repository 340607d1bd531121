package io.greenband.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * How a front's hypervolume is measured: an affine normalization of every objective and a reference
 * point in the normalized space.
 *
 * <p>Two rules. {@link #fixed}: the study names a reference point in (minimized) objective units;
 * no normalization, so values stay comparable across the whole study. {@link #derived}: each
 * objective is mapped to [0, 1] by the minimum and maximum over all observed points, and the
 * reference point is {@value #DERIVED_REFERENCE} in every objective, i.e. the worst observed value
 * (nadir of the observed points) plus {@link #MARGIN} of the observed range, so extreme front
 * points still contribute. An objective whose observed range is zero uses a scale of 1. Derived
 * frames move as points arrive, so values computed under different frames are not comparable;
 * {@link HypervolumeHistory#replay} recomputes a history under one frame.
 *
 * @param lower per objective, the value mapped to 0
 * @param scale per objective, the divisor (positive)
 * @param reference the reference point in normalized units
 * @param rule which rule built the frame
 */
public record HypervolumeFrame(double[] lower, double[] scale, double[] reference, Rule rule) {

    /** Share of the observed range added beyond the worst observed value by the derived rule. */
    public static final double MARGIN = 0.1;

    /** The derived reference coordinate, 1 + {@link #MARGIN}. */
    public static final double DERIVED_REFERENCE = 1.0 + MARGIN;

    /** Which rule built a frame. */
    public enum Rule {
        /** Reference point given by the study, in objective units. */
        FIXED,
        /** Min-max normalization over observed points, reference 1 + margin. */
        DERIVED
    }

    /** Copies and checks the arrays. */
    public HypervolumeFrame {
        lower = lower.clone();
        scale = scale.clone();
        reference = reference.clone();
        if (lower.length != scale.length || lower.length != reference.length || lower.length == 0) {
            throw new IllegalArgumentException(
                    "lower, scale and reference must have one value per objective (got "
                            + lower.length
                            + ", "
                            + scale.length
                            + ", "
                            + reference.length
                            + ")");
        }
        for (int i = 0; i < scale.length; i++) {
            if (!(scale[i] > 0) || !Double.isFinite(scale[i])) {
                throw new IllegalArgumentException(
                        "scale[" + i + "] is " + scale[i] + ": it must be positive and finite");
            }
        }
    }

    /** A frame with the study's reference point in minimized objective units. */
    public static HypervolumeFrame fixed(double[] reference) {
        double[] zeros = new double[reference.length];
        double[] ones = new double[reference.length];
        Arrays.fill(ones, 1.0);
        return new HypervolumeFrame(zeros, ones, reference, Rule.FIXED);
    }

    /**
     * A fixed frame from a reference point given in objective units and directions (a study's own
     * reference): maximized coordinates are flipped like the values they bound.
     */
    public static HypervolumeFrame fixed(double[] reference, Directions directions) {
        return fixed(directions.minimized(reference));
    }

    /** A frame derived by the documented rule from observed minimized vectors. */
    public static HypervolumeFrame derivedFromVectors(Collection<double[]> observed) {
        if (observed.isEmpty()) {
            throw new IllegalArgumentException(
                    "observed is empty: a derived frame needs at least one point");
        }
        int d = observed.iterator().next().length;
        double[] min = new double[d];
        double[] max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] v : observed) {
            if (v.length != d) {
                throw new IllegalArgumentException(
                        "a vector has " + v.length + " objectives, the first " + d);
            }
            for (int i = 0; i < d; i++) {
                min[i] = Math.min(min[i], v[i]);
                max[i] = Math.max(max[i], v[i]);
            }
        }
        return fromBounds(min, max);
    }

    /** A frame derived from observed points by the documented rule. */
    public static HypervolumeFrame derived(Collection<ParetoPoint> observed) {
        if (observed.isEmpty()) {
            throw new IllegalArgumentException(
                    "observed is empty: a derived frame needs at least one point");
        }
        int d = observed.iterator().next().dimension();
        double[] min = new double[d];
        double[] max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (ParetoPoint p : observed) {
            for (int i = 0; i < d; i++) {
                min[i] = Math.min(min[i], p.value(i));
                max[i] = Math.max(max[i], p.value(i));
            }
        }
        return fromBounds(min, max);
    }

    /** A derived frame from known per-objective bounds. */
    public static HypervolumeFrame fromBounds(double[] min, double[] max) {
        double[] scale = new double[min.length];
        double[] reference = new double[min.length];
        for (int i = 0; i < min.length; i++) {
            double range = max[i] - min[i];
            scale[i] = range > 0 ? range : 1.0;
            reference[i] = DERIVED_REFERENCE;
        }
        return new HypervolumeFrame(min, scale, reference, Rule.DERIVED);
    }

    /** A normalized copy of a vector. */
    public double[] normalize(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - lower[i]) / scale[i];
        }
        return out;
    }

    /** Hypervolume of the points measured in this frame. */
    public double hypervolume(Collection<ParetoPoint> points) {
        List<double[]> normalized = new ArrayList<>(points.size());
        for (ParetoPoint p : points) {
            normalized.add(normalize(p.raw()));
        }
        return Hypervolume.of(normalized, reference);
    }

    /**
     * Hypervolume of minimized vectors (in objective units, not normalized) measured in this frame.
     */
    public double hypervolumeOfVectors(Collection<double[]> vectors) {
        List<double[]> normalized = new ArrayList<>(vectors.size());
        for (double[] v : vectors) {
            normalized.add(normalize(v));
        }
        return Hypervolume.of(normalized, reference);
    }

    /** The reference point in objective units. */
    public double[] referenceInObjectiveUnits() {
        double[] out = new double[reference.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = lower[i] + reference[i] * scale[i];
        }
        return out;
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public double[] reference() {
        return reference.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HypervolumeFrame f
                && rule == f.rule
                && Arrays.equals(lower, f.lower)
                && Arrays.equals(scale, f.scale)
                && Arrays.equals(reference, f.reference);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lower) * 31
                + Arrays.hashCode(scale) * 7
                + Arrays.hashCode(reference)
                + rule.hashCode();
    }

    @Override
    public String toString() {
        return rule
                + " frame lower="
                + Arrays.toString(lower)
                + " scale="
                + Arrays.toString(scale)
                + " reference="
                + Arrays.toString(reference);
    }
}
