package io.greenband.aggregator.core.objective;

import java.util.OptionalDouble;

/**
 * One entry of a trial's objective vector.
 *
 * @param name          the objective
 * @param direction     its direction
 * @param value         the value as reported (not negated), empty when missing
 * @param missingReason why it is missing, empty when present
 */
public record ObjectiveValue(String name, Direction direction, OptionalDouble value, String missingReason) {

  /** A present value. */
  public static ObjectiveValue present(ObjectiveSpec spec, double value) {
    return new ObjectiveValue(spec.name(), spec.direction(), OptionalDouble.of(value), "");
  }

  /** A missing value. */
  public static ObjectiveValue missing(ObjectiveSpec spec, String reason) {
    return new ObjectiveValue(spec.name(), spec.direction(), OptionalDouble.empty(), reason);
  }

  /** Whether the value is missing. */
  public boolean isMissing() {
    return value.isEmpty();
  }
}
