package io.greenband.events.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Checks of choice lists (categorical choices, ordinal sequences, condition values). */
final class Choices {

    private Choices() {}

    /** A non-empty, duplicate-free, unmodifiable copy of scalar values. */
    static List<Object> check(String name, String field, List<Object> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(
                    name + ": " + field + " must hold at least one value");
        }
        List<Object> copy = new ArrayList<>(values.size());
        // Hashing by Python-equality key keeps the check linear: a study may list a thousand
        // choices.
        java.util.Set<Object> seen = new java.util.HashSet<>(values.size() * 2);
        for (Object v : values) {
            if (!(v instanceof String || v instanceof Boolean || v instanceof Number)) {
                throw new IllegalArgumentException(
                        name
                                + ": "
                                + field
                                + " may hold strings, numbers and booleans only, got "
                                + (v == null ? "null" : v.getClass().getSimpleName()));
            }
            if (!seen.add(Values.equalityKey(v))) {
                throw new IllegalArgumentException(
                        name
                                + ": "
                                + field
                                + " holds "
                                + Values.describe(v)
                                + " twice; values must be unique");
            }
            copy.add(v);
        }
        return Collections.unmodifiableList(copy);
    }
}
