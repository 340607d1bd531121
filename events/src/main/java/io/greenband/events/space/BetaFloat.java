package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A float from a Beta(alpha, beta) distribution scaled to [lower, upper].
 *
 * @param name the name
 * @param alpha shape, > 0
 * @param beta shape, > 0
 * @param lower lower bound
 * @param upper upper bound
 * @param defaultValue the default; when missing, the mode (the midpoint unless alpha, beta > 1)
 * @param log logarithmic scale
 * @param meta opaque metadata, possibly null
 */
public record BetaFloat(
        String name,
        double alpha,
        double beta,
        double lower,
        double upper,
        Double defaultValue,
        boolean log,
        JsonNode meta)
        implements NumericHyperparameter {

    public BetaFloat {
        Bounds.check(name, lower, upper, log);
        Distribution.checkBeta(name, alpha, beta);
        if (defaultValue == null) {
            defaultValue =
                    Values.round13(
                            Bounds.at(lower, upper, log, Distribution.betaMode(alpha, beta)));
        }
        Bounds.checkDefault(name, "beta_float", lower, upper, false, log, defaultValue);
    }

    @Override
    public String type() {
        return "beta_float";
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
