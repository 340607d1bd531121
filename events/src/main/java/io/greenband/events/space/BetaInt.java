package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An integer from a rounded Beta(alpha, beta) distribution scaled to [lower, upper].
 *
 * @param name the name
 * @param alpha shape, > 0
 * @param beta shape, > 0
 * @param lower lower bound
 * @param upper upper bound
 * @param defaultValue the default; when missing, rint of the mode (the midpoint unless alpha, beta
 *     > 1)
 * @param log logarithmic scale
 * @param meta opaque metadata, possibly null
 */
public record BetaInt(
        String name,
        double alpha,
        double beta,
        long lower,
        long upper,
        Long defaultValue,
        boolean log,
        JsonNode meta)
        implements NumericHyperparameter {

    public BetaInt {
        Bounds.check(name, lower, upper, log);
        Distribution.checkBeta(name, alpha, beta);
        if (defaultValue == null) {
            defaultValue =
                    (long)
                            Math.rint(
                                    Bounds.at(
                                            lower, upper, log, Distribution.betaMode(alpha, beta)));
        }
        Bounds.checkDefault(name, "beta_int", lower, upper, true, log, defaultValue);
    }

    @Override
    public String type() {
        return "beta_int";
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
