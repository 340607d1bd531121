package io.greenband.suggester.core.space;

import java.util.SplittableRandom;

/**
 * A non-uniform distribution of a numeric hyperparameter over its unit interval (the vector scale,
 * which is logarithmic for log hyperparameters): a normal truncated to [0,1], or a beta.
 *
 * @param kind normal or beta
 * @param a the normal's mean, or the beta's alpha
 * @param b the normal's standard deviation, or the beta's beta
 */
public record Prior(Kind kind, double a, double b) {

    /** Draws before a truncated normal that rarely lands inside [0,1] falls back to clamping. */
    private static final int MAX_REJECTIONS = 64;

    /** The distribution family. */
    public enum Kind {
        /** Normal(a, b) truncated to [0,1]. */
        NORMAL,
        /** Beta(a, b). */
        BETA
    }

    /** Checks the parameters. */
    public Prior {
        if (!Double.isFinite(a)
                || !(b > 0)
                || !Double.isFinite(b)
                || (kind == Kind.BETA && !(a > 0))) {
            throw new IllegalArgumentException(
                    "prior "
                            + kind
                            + " needs finite parameters with b > 0"
                            + (kind == Kind.BETA ? " and a > 0" : "")
                            + ", got "
                            + a
                            + ", "
                            + b);
        }
    }

    /**
     * A normal given on the value scale (on ln values when {@code log}), mapped to the unit
     * interval of [lower, upper].
     */
    public static Prior normal(double mu, double sigma, double lower, double upper, boolean log) {
        double lo = log ? Math.log(lower) : lower;
        double hi = log ? Math.log(upper) : upper;
        return new Prior(Kind.NORMAL, (mu - lo) / (hi - lo), sigma / (hi - lo));
    }

    /** A beta over the unit interval. */
    public static Prior beta(double alpha, double beta) {
        return new Prior(Kind.BETA, alpha, beta);
    }

    /** A unit-interval draw. */
    public double sample(SplittableRandom rng) {
        if (kind == Kind.BETA) {
            double x = gamma(a, rng);
            double y = gamma(b, rng);
            return x + y > 0 ? x / (x + y) : 0.5;
        }
        for (int i = 0; i < MAX_REJECTIONS; i++) {
            double u = a + b * Neighbourhood.gaussian(rng);
            if (u >= 0 && u <= 1) {
                return u;
            }
        }
        return Math.min(1, Math.max(0, a));
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang's method (boosted for shapes below 1). */
    private static double gamma(double shape, SplittableRandom rng) {
        if (shape < 1) {
            return gamma(shape + 1, rng) * Math.pow(1 - rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = Neighbourhood.gaussian(rng);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
