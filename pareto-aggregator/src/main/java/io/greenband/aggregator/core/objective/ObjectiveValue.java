package io.greenband.aggregator.core.objective;

import java.util.OptionalDouble;

/**
 * One entry of a trial's objective vector.
 *
 * @param name the objective
 * @param direction its direction
 * @param value the value as reported (not negated), empty when missing
 * @param substituted whether the value is the study's worst observed one standing in for a missing
 *     value
 * @param note why it is missing or substituted, empty when the value arrived
 */
public record ObjectiveValue(
        String name, Direction direction, OptionalDouble value, boolean substituted, String note) {

    /** A value that arrived. */
    public static ObjectiveValue present(ObjectiveSpec spec, double value) {
        return new ObjectiveValue(
                spec.name(), spec.direction(), OptionalDouble.of(value), false, "");
    }

    /** A missing value. */
    public static ObjectiveValue missing(ObjectiveSpec spec, String reason) {
        return new ObjectiveValue(
                spec.name(), spec.direction(), OptionalDouble.empty(), false, reason);
    }

    /** The worst observed value standing in for a missing one. */
    public static ObjectiveValue substitute(ObjectiveSpec spec, double worst, String reason) {
        return new ObjectiveValue(
                spec.name(),
                spec.direction(),
                OptionalDouble.of(worst),
                true,
                reason + "; worst observed value used");
    }

    /** Whether the value is missing. */
    public boolean isMissing() {
        return value.isEmpty();
    }

    /** Whether the value did not arrive (missing or substituted). */
    public boolean isAbsent() {
        return value.isEmpty() || substituted;
    }
}
