package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One of a set of unordered choices (strings, numbers or booleans, possibly mixed), optionally
 * weighted.
 *
 * @param name the name
 * @param choices the choices, unique, at least one
 * @param weights relative weights (normalized to probabilities by samplers), or null for uniform
 * @param defaultValue the default; when missing, the highest-weight choice, else the first
 * @param meta opaque metadata, possibly null
 */
public record Categorical(
        String name, List<Object> choices, List<Double> weights, Object defaultValue, JsonNode meta)
        implements Hyperparameter {

    public Categorical {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be a non-blank string");
        }
        choices = Choices.check(name, "choices", choices);
        if (weights != null) {
            if (weights.size() != choices.size()) {
                throw new IllegalArgumentException(
                        name
                                + ": weights has "
                                + weights.size()
                                + " entries but choices has "
                                + choices.size()
                                + "; give one weight per choice or null");
            }
            double sum = 0;
            for (Double w : weights) {
                if (w == null || !(w >= 0) || !Double.isFinite(w)) {
                    throw new IllegalArgumentException(
                            name + ": weights must be finite and >= 0, got " + weights);
                }
                sum += w;
            }
            if (sum <= 0) {
                throw new IllegalArgumentException(name + ": weights must not all be 0");
            }
            weights = Collections.unmodifiableList(new ArrayList<>(weights));
        }
        if (defaultValue == null) {
            defaultValue = choices.get(weights == null ? 0 : argmax(weights));
        }
        if (Values.indexOf(choices, defaultValue) < 0) {
            throw new IllegalArgumentException(
                    name
                            + ": default_value "
                            + Values.describe(defaultValue)
                            + " is not one of the choices "
                            + Values.describe(choices));
        }
    }

    /** Weights normalized to probabilities (uniform when there are none). */
    public List<Double> probabilities() {
        List<Double> p = new ArrayList<>();
        double sum =
                weights == null
                        ? choices.size()
                        : weights.stream().mapToDouble(Double::doubleValue).sum();
        for (int i = 0; i < choices.size(); i++) {
            p.add((weights == null ? 1.0 : weights.get(i)) / sum);
        }
        return List.copyOf(p);
    }

    private static int argmax(List<Double> w) {
        int best = 0;
        for (int i = 1; i < w.size(); i++) {
            if (w.get(i) > w.get(best)) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String type() {
        return "categorical";
    }

    @Override
    public String illegality(Object value) {
        return Values.indexOf(choices, value) >= 0
                ? null
                : name
                        + " = "
                        + Values.describe(value)
                        + " is not one of the choices "
                        + Values.describe(choices);
    }

    @Override
    public double toVector(Object value) {
        return Values.indexOf(choices, value);
    }

    @Override
    public Object fromVector(double x) {
        return choices.get((int) Math.max(0, Math.min(choices.size() - 1, Math.rint(x))));
    }

    @Override
    public boolean ordered() {
        return false;
    }
}
