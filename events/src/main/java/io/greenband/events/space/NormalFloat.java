package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A float from a normal distribution N(mu, sigma) truncated to [lower, upper] (sampling is the
 * suggester's).
 *
 * @param name the name
 * @param mu mean (of ln x when log)
 * @param sigma standard deviation, > 0
 * @param lower lower bound
 * @param upper upper bound
 * @param defaultValue the default; when missing, mu (e^mu when log) clipped to the bounds
 * @param log logarithmic scale
 * @param meta opaque metadata, possibly null
 */
public record NormalFloat(
        String name,
        double mu,
        double sigma,
        double lower,
        double upper,
        Double defaultValue,
        boolean log,
        JsonNode meta)
        implements NumericHyperparameter {

    public NormalFloat {
        Bounds.check(name, lower, upper, log);
        Distribution.checkNormal(name, mu, sigma);
        if (defaultValue == null) {
            defaultValue = Values.round13(Distribution.normalDefault(mu, lower, upper, log));
        }
        Bounds.checkDefault(name, "normal_float", lower, upper, false, log, defaultValue);
    }

    @Override
    public String type() {
        return "normal_float";
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
