package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A float drawn uniformly from [lower, upper] (on the log scale when {@code log}).
 *
 * @param name the name
 * @param lower lower bound
 * @param upper upper bound, greater than lower
 * @param defaultValue the default, inside the bounds
 * @param log logarithmic scale (requires lower > 0)
 * @param meta opaque metadata, possibly null
 */
public record UniformFloat(
        String name, double lower, double upper, Double defaultValue, boolean log, JsonNode meta)
        implements NumericHyperparameter {

    public UniformFloat {
        Bounds.check(name, lower, upper, log);
        if (defaultValue == null) {
            defaultValue = defaultFor(lower, upper, log);
        }
        Bounds.checkDefault(name, "uniform_float", lower, upper, false, log, defaultValue);
    }

    /** ConfigSpace's default when none is given: the (geometric) midpoint, rounded to 13 places. */
    public static double defaultFor(double lower, double upper, boolean log) {
        return Values.round13(Bounds.at(lower, upper, log, 0.5));
    }

    @Override
    public String type() {
        return "uniform_float";
    }

    @Override
    public double lowerBound() {
        return lower;
    }

    @Override
    public double upperBound() {
        return upper;
    }

    @Override
    public boolean integer() {
        return false;
    }
}
