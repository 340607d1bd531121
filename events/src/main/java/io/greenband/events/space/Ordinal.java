package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One of an ordered sequence of values; ordered by position in the sequence.
 *
 * @param name the name
 * @param sequence the values in order, unique, at least one
 * @param defaultValue the default; when missing, the first element
 * @param meta opaque metadata, possibly null
 */
public record Ordinal(String name, List<Object> sequence, Object defaultValue, JsonNode meta)
        implements Hyperparameter {

    public Ordinal {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be a non-blank string");
        }
        sequence = Choices.check(name, "sequence", sequence);
        if (defaultValue == null) {
            defaultValue = sequence.get(0);
        }
        if (Values.indexOf(sequence, defaultValue) < 0) {
            throw new IllegalArgumentException(
                    name
                            + ": default_value "
                            + Values.describe(defaultValue)
                            + " is not in the sequence "
                            + Values.describe(sequence));
        }
    }

    @Override
    public String type() {
        return "ordinal";
    }

    @Override
    public String illegality(Object value) {
        return Values.indexOf(sequence, value) >= 0
                ? null
                : name
                        + " = "
                        + Values.describe(value)
                        + " is not in the sequence "
                        + Values.describe(sequence);
    }

    @Override
    public double toVector(Object value) {
        return Values.indexOf(sequence, value);
    }

    @Override
    public Object fromVector(double x) {
        return sequence.get((int) Math.max(0, Math.min(sequence.size() - 1, Math.rint(x))));
    }

    @Override
    public boolean ordered() {
        return true;
    }

    /** Ordinal values compare by their position in the sequence. */
    @Override
    public int compare(Object a, Object b) {
        return Integer.compare(Values.indexOf(sequence, a), Values.indexOf(sequence, b));
    }
}
