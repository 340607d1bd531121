package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An integer from a rounded normal distribution N(mu, sigma) truncated to [lower, upper].
 *
 * @param name the name
 * @param mu mean (of ln x when log)
 * @param sigma standard deviation, > 0
 * @param lower lower bound
 * @param upper upper bound
 * @param defaultValue the default; when missing, rint of mu (e^mu when log) clipped to the bounds
 * @param log logarithmic scale
 * @param meta opaque metadata, possibly null
 */
public record NormalInt(
        String name,
        double mu,
        double sigma,
        long lower,
        long upper,
        Long defaultValue,
        boolean log,
        JsonNode meta)
        implements NumericHyperparameter {

    public NormalInt {
        Bounds.check(name, lower, upper, log);
        Distribution.checkNormal(name, mu, sigma);
        if (defaultValue == null) {
            defaultValue = (long) Math.rint(Distribution.normalDefault(mu, lower, upper, log));
        }
        Bounds.checkDefault(name, "normal_int", lower, upper, true, log, defaultValue);
    }

    @Override
    public String type() {
        return "normal_int";
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
