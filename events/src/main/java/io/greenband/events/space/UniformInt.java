package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An integer drawn uniformly from [lower, upper] (on the log scale when {@code log}).
 *
 * @param name the name
 * @param lower lower bound
 * @param upper upper bound, greater than lower
 * @param defaultValue the default, inside the bounds
 * @param log logarithmic scale (requires lower > 0)
 * @param meta opaque metadata, possibly null
 */
public record UniformInt(
        String name, long lower, long upper, Long defaultValue, boolean log, JsonNode meta)
        implements NumericHyperparameter {

    public UniformInt {
        Bounds.check(name, lower, upper, log);
        if (defaultValue == null) {
            defaultValue = defaultFor(lower, upper, log);
        }
        Bounds.checkDefault(name, "uniform_int", lower, upper, true, log, defaultValue);
    }

    /**
     * ConfigSpace's default when none is given: numpy {@code rint} (half to even) of the
     * (geometric) midpoint.
     */
    public static long defaultFor(long lower, long upper, boolean log) {
        return (long) Math.rint(Bounds.at(lower, upper, log, 0.5));
    }

    @Override
    public String type() {
        return "uniform_int";
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
        return true;
    }
}
