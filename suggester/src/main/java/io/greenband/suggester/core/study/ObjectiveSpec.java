package io.greenband.suggester.core.study;

import io.greenband.suggester.core.objective.Direction;
import java.util.Objects;

/** An objective: its name and whether it is minimized or maximized. */
public record ObjectiveSpec(String name, Direction direction) {

    /** Checks the fields. */
    public ObjectiveSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("objective name must not be blank");
        }
        Objects.requireNonNull(direction, "direction of objective " + name);
    }

    /** A minimized objective. */
    public static ObjectiveSpec minimize(String name) {
        return new ObjectiveSpec(name, Direction.MINIMIZE);
    }

    /** A maximized objective. */
    public static ObjectiveSpec maximize(String name) {
        return new ObjectiveSpec(name, Direction.MAXIMIZE);
    }
}
