package io.greenband.aggregator.core.objective;

import java.util.Objects;

/**
 * One objective of a study.
 *
 * @param name      the objective's name in results
 * @param direction minimize or maximize
 * @param source    where its value comes from
 */
public record ObjectiveSpec(String name, Direction direction, ObjectiveSource source) {

  /** Checks the fields. */
  public ObjectiveSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name of an objective is missing: give each objective a name");
    }
    Objects.requireNonNull(direction, "direction of objective " + name + " must not be null");
    Objects.requireNonNull(source, "source of objective " + name + " must not be null");
  }

  /** Parses direction and source from their written forms. */
  public static ObjectiveSpec of(String name, String direction, String source) {
    return new ObjectiveSpec(name, Direction.parse(direction), ObjectiveSource.parse(source));
  }
}
