package io.greenband.pareto;

import java.time.Instant;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A study's fronts: one per fidelity value, and the front at the top fidelity (the study's maximum
 * when it has one, otherwise the highest fidelity observed). One owner.
 */
public final class StudyFronts {

    private final int dimension;
    private final OptionalDouble maxFidelity;
    private final double[] fixedReference;
    private final TreeMap<Double, TrackedFront> byFidelity = new TreeMap<>();

    /**
     * @param dimension number of objectives
     * @param maxFidelity the study's maximum fidelity, or empty to use the highest observed
     * @param fixedReference the study's reference point (minimized units), or {@code null} to
     *     derive frames
     */
    public StudyFronts(int dimension, OptionalDouble maxFidelity, double[] fixedReference) {
        if (dimension < 1) {
            throw new IllegalArgumentException(
                    "dimension is " + dimension + ": a study needs at least one objective");
        }
        this.dimension = dimension;
        this.maxFidelity = maxFidelity;
        this.fixedReference = fixedReference == null ? null : fixedReference.clone();
    }

    /**
     * Adds a scored point at a fidelity.
     *
     * @return the update of that fidelity's front, and whether that fidelity is the top one
     */
    public Update add(double fidelity, ParetoPoint point, Instant at) {
        if (!Double.isFinite(fidelity)) {
            throw new IllegalArgumentException("fidelity is " + fidelity + ": it must be finite");
        }
        TrackedFront front =
                byFidelity.computeIfAbsent(
                        fidelity + 0.0, f -> new TrackedFront(dimension, fixedReference));
        TrackedFront.Update update = front.add(point, at);
        return new Update(fidelity, update, fidelity == topFidelity().orElse(Double.NaN));
    }

    /** The result of one {@link #add}. */
    public record Update(double fidelity, TrackedFront.Update update, boolean topFidelity) {}

    /**
     * The top fidelity: the study's maximum if set, else the highest observed; empty before any
     * point.
     */
    public OptionalDouble topFidelity() {
        if (maxFidelity.isPresent()) {
            return maxFidelity;
        }
        return byFidelity.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(byFidelity.lastKey());
    }

    /** The front at the top fidelity, empty when nothing was observed there yet. */
    public Optional<TrackedFront> topFront() {
        OptionalDouble top = topFidelity();
        return top.isPresent() ? front(top.getAsDouble()) : Optional.empty();
    }

    /** The front at one fidelity. */
    public Optional<TrackedFront> front(double fidelity) {
        return Optional.ofNullable(byFidelity.get(fidelity + 0.0));
    }

    /** All fronts by fidelity, ascending. */
    public NavigableMap<Double, TrackedFront> fronts() {
        return Collections.unmodifiableNavigableMap(byFidelity);
    }

    /** Number of objectives. */
    public int dimension() {
        return dimension;
    }
}
