package io.greenband.pareto;

import java.util.List;

/**
 * What one {@link ParetoFront#add} did.
 *
 * @param point the point offered
 * @param kind how the offer was handled
 * @param entered whether the point is a front member afterwards
 * @param left former members that are no longer on the front (dominated by the new point, or the
 *     replaced version of the same id)
 */
public record FrontChange(ParetoPoint point, Kind kind, boolean entered, List<ParetoPoint> left) {

    /** How an offered point was handled. */
    public enum Kind {
        /** A new id. */
        ADDED,
        /** An id already known with a different vector: the new vector replaced the old one. */
        REPLACED,
        /** The same id with the same vector again (redelivery): nothing changed. */
        UNCHANGED
    }

    /** Copies the list. */
    public FrontChange {
        left = List.copyOf(left);
    }

    /** Whether the set of front members changed. */
    public boolean frontChanged() {
        return (entered && kind != Kind.UNCHANGED) || !left.isEmpty();
    }
}
