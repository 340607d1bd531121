package io.greenband.events.payload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Invariant checks shared by the payload records; each failure names the field. */
public final class FieldChecks {

    private FieldChecks() {}

    /** Fails unless {@code value} is non-null. */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, field + " is required");
        }
        return value;
    }

    /** Fails unless {@code value} holds a non-blank string. */
    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(
                    field,
                    field
                            + " must be a non-blank string, got "
                            + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value;
    }

    /** Fails unless {@code value >= min}. */
    public static long atLeast(long value, long min, String field) {
        if (value < min) {
            throw new InvalidFieldException(field, field + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** Fails unless {@code value} is finite and {@code >= min}. */
    public static double atLeast(double value, double min, String field) {
        finite(value, field);
        if (value < min) {
            throw new InvalidFieldException(field, field + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** Fails unless {@code value} is a finite number. */
    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new InvalidFieldException(
                    field, field + " must be a finite number, got " + value);
        }
        return value;
    }

    /** Fails unless {@code value} is null or finite and {@code >= min}. */
    public static Double optAtLeast(Double value, double min, String field) {
        return value == null ? null : atLeast(value.doubleValue(), min, field);
    }

    /** An unmodifiable copy of {@code list}, empty for null, with no null elements. */
    public static <T> List<T> list(List<T> list, String field) {
        if (list == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            copy.add(present(list.get(i), field + "/" + i));
        }
        return Collections.unmodifiableList(copy);
    }

    /** An unmodifiable, order-keeping copy of named finite numbers, empty for null. */
    public static Map<String, Double> metrics(Map<String, Double> metrics, String field) {
        if (metrics == null) {
            return Map.of();
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        metrics.forEach(
                (k, v) -> {
                    text(k, field + " key");
                    present(v, field + "/" + k);
                    if (!Double.isFinite(v)) {
                        throw new InvalidFieldException(
                                field + "/" + k,
                                field
                                        + "/"
                                        + k
                                        + " must be a finite number, got "
                                        + v
                                        + " (a diverged run is reported as status FAILED)");
                    }
                    copy.put(k, v);
                });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * An unmodifiable, order-keeping copy of a configuration: names to strings, numbers or
     * booleans.
     */
    public static Map<String, Object> config(Map<String, Object> config, String field) {
        if (config == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        config.forEach(
                (k, v) -> {
                    text(k, field + " key");
                    if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                        throw new InvalidFieldException(
                                field + "/" + k,
                                field
                                        + "/"
                                        + k
                                        + " must be a string, number or boolean, got "
                                        + (v == null ? "null" : v.getClass().getSimpleName()));
                    }
                    if (v instanceof Double d && !Double.isFinite(d)
                            || v instanceof Float f && !Float.isFinite(f)) {
                        throw new InvalidFieldException(
                                field + "/" + k, field + "/" + k + " must be finite, got " + v);
                    }
                    copy.put(k, v);
                });
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable, order-keeping copy of string labels, empty for null. */
    public static Map<String, String> labels(Map<String, String> labels, String field) {
        if (labels == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        labels.forEach((k, v) -> copy.put(text(k, field + " key"), present(v, field + "/" + k)));
        return Collections.unmodifiableMap(copy);
    }
}
