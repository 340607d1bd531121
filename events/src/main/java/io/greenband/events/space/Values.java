package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hyperparameter values as ConfigSpace sees them: strings, booleans and numbers that keep their
 * JSON type (integers as {@code Long}, others as {@code Double}) but compare like Python:
 * numerically when both sides are numbers, and {@code true == 1}.
 */
final class Values {

    private Values() {}

    /** Python-style equality. */
    static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (numberLike(a) && numberLike(b)) {
            return asDouble(a) == asDouble(b);
        }
        return a.equals(b);
    }

    /** Python-style ordering of two numbers or two strings; fails for other pairs. */
    static int compare(Object a, Object b) {
        if (numberLike(a) && numberLike(b)) {
            return Double.compare(asDouble(a), asDouble(b));
        }
        if (a instanceof String sa && b instanceof String sb) {
            return sa.compareTo(sb);
        }
        throw new IllegalArgumentException("cannot order " + describe(a) + " and " + describe(b));
    }

    static boolean numberLike(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    static double asDouble(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) v).doubleValue();
    }

    /** Whether {@code v} is a number with an integral value. */
    static boolean integral(Object v) {
        if (!(v instanceof Number n)) {
            return false;
        }
        double d = n.doubleValue();
        return Double.isFinite(d) && d == Math.rint(d);
    }

    /**
     * A key equal for two values exactly when {@link #equal} holds: numbers and booleans by their
     * double value ({@code 1 == 1.0 == true}, {@code 0.0 == -0.0}), anything else as itself.
     */
    static Object equalityKey(Object v) {
        if (v != null && numberLike(v)) {
            double d = asDouble(v);
            return d == 0 ? 0.0 : d;
        }
        return v;
    }

    /** The index of {@code value} in {@code list} by Python equality, or -1. */
    static int indexOf(List<Object> list, Object value) {
        for (int i = 0; i < list.size(); i++) {
            if (equal(list.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    /** A JSON scalar as a value: string, boolean, Long or Double; null for anything else. */
    static Object fromJson(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return null;
    }

    /** A value as JSON, keeping its type. */
    static JsonNode toJson(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof String s) {
            return f.textNode(s);
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return f.numberNode(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return f.numberNode(n.doubleValue());
        }
        throw new IllegalArgumentException("not a hyperparameter value: " + v.getClass().getName());
    }

    /** A value as it would be written in a message: strings quoted. */
    static String describe(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    /** A list of values for a message. */
    static String describe(List<Object> values) {
        return values.stream().map(Values::describe).collect(Collectors.joining(", ", "[", "]"));
    }

    /** numpy's {@code round(x, 13)}: scale, round half to even, scale back. */
    static double round13(double x) {
        return Math.rint(x * 1e13) / 1e13;
    }
}
