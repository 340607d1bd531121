package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A fixed value (also read from the legacy {@code unparametrized} type).
 *
 * @param name the name
 * @param value the value: string, number or boolean
 * @param meta opaque metadata, possibly null
 */
public record Constant(String name, Object value, JsonNode meta) implements Hyperparameter {

    public Constant {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be a non-blank string");
        }
        if (!(value instanceof String || value instanceof Boolean || value instanceof Number)) {
            throw new IllegalArgumentException(
                    name
                            + ": value must be a string, number or boolean, got "
                            + (value == null ? "nothing" : value.getClass().getSimpleName()));
        }
    }

    @Override
    public String type() {
        return "constant";
    }

    @Override
    public Object defaultValue() {
        return value;
    }

    @Override
    public String illegality(Object v) {
        return Values.equal(value, v)
                ? null
                : name
                        + " = "
                        + Values.describe(v)
                        + " differs from the constant "
                        + Values.describe(value);
    }

    @Override
    public double toVector(Object v) {
        return 0;
    }

    @Override
    public Object fromVector(double x) {
        return value;
    }

    @Override
    public boolean ordered() {
        return value instanceof Number;
    }
}
