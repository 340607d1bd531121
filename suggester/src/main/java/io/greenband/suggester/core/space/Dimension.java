package io.greenband.suggester.core.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One hyperparameter and its vector encoding. {@code values} holds the choices of a categorical,
 * the sequence of an ordinal or the single value of a constant; {@code weights} the normalized
 * categorical probabilities (null when uniform); {@code defaultVector} the default as a vector
 * entry; {@code prior} the distribution of a numeric hyperparameter over its unit interval (null
 * when uniform).
 */
public record Dimension(
        String name,
        ParamKind kind,
        double lower,
        double upper,
        boolean log,
        List<Object> values,
        double[] weights,
        double defaultVector,
        Prior prior) {

    /** Checks the domain; the factories below are the usual way to build one. */
    public Dimension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind of " + name);
        values = values == null ? List.of() : List.copyOf(values);
        if ((kind == ParamKind.FLOAT || kind == ParamKind.INT) && !(lower <= upper)) {
            throw new IllegalArgumentException(
                    name + ": lower " + lower + " must be <= upper " + upper);
        }
        if (log && !(lower > 0)) {
            throw new IllegalArgumentException(
                    name + ": a log-scaled range needs lower > 0, was " + lower);
        }
        if ((kind == ParamKind.CATEGORICAL
                        || kind == ParamKind.ORDINAL
                        || kind == ParamKind.CONSTANT)
                && values.isEmpty()) {
            throw new IllegalArgumentException(name + ": needs at least one value");
        }
        if (weights != null) {
            weights = normalized(name, weights, values.size());
        }
        if (prior != null && kind != ParamKind.FLOAT && kind != ParamKind.INT) {
            throw new IllegalArgumentException(
                    name + ": only numeric hyperparameters take a prior");
        }
    }

    /** This hyperparameter sampled from {@code p} instead of uniformly. */
    public Dimension withPrior(Prior p) {
        return new Dimension(name, kind, lower, upper, log, values, weights, defaultVector, p);
    }

    /** A float in [lower, upper], default at the (geometric when log) midpoint. */
    public static Dimension uniformFloat(String name, double lower, double upper, boolean log) {
        return new Dimension(name, ParamKind.FLOAT, lower, upper, log, null, null, 0.5, null);
    }

    /** A float in [lower, upper] with a default. */
    public static Dimension uniformFloat(
            String name, double lower, double upper, boolean log, double dflt) {
        Dimension d = uniformFloat(name, lower, upper, log);
        return new Dimension(
                name, ParamKind.FLOAT, lower, upper, log, null, null, d.toVector(dflt), null);
    }

    /** An integer in [lower, upper] with a default. */
    public static Dimension uniformInt(
            String name, long lower, long upper, boolean log, long dflt) {
        Dimension d = new Dimension(name, ParamKind.INT, lower, upper, log, null, null, 0, null);
        return new Dimension(
                name, ParamKind.INT, lower, upper, log, null, null, d.toVector(dflt), null);
    }

    /** A categorical; {@code weights} may be null (uniform). */
    public static Dimension categorical(
            String name, List<?> choices, double[] weights, Object dflt) {
        Dimension d =
                new Dimension(
                        name,
                        ParamKind.CATEGORICAL,
                        0,
                        0,
                        false,
                        new ArrayList<>(choices),
                        weights,
                        0,
                        null);
        return new Dimension(
                name,
                ParamKind.CATEGORICAL,
                0,
                0,
                false,
                d.values,
                d.weights,
                d.toVector(dflt),
                null);
    }

    /** An ordinal over {@code sequence}. */
    public static Dimension ordinal(String name, List<?> sequence, Object dflt) {
        Dimension d =
                new Dimension(
                        name,
                        ParamKind.ORDINAL,
                        0,
                        0,
                        false,
                        new ArrayList<>(sequence),
                        null,
                        0,
                        null);
        return new Dimension(
                name, ParamKind.ORDINAL, 0, 0, false, d.values, null, d.toVector(dflt), null);
    }

    /** A constant. */
    public static Dimension constant(String name, Object value) {
        return new Dimension(name, ParamKind.CONSTANT, 0, 0, false, List.of(value), null, 0, null);
    }

    /** Distinct values: choices, integers, 1 for a constant, 0 for a float. */
    public int cardinality() {
        return switch (kind) {
            case FLOAT -> 0;
            case INT -> (int) Math.min(Integer.MAX_VALUE, (long) (upper - lower) + 1);
            case CATEGORICAL, ORDINAL -> values.size();
            case CONSTANT -> 1;
        };
    }

    /** A random vector entry; categorical weights and priors are used unless {@code uniform}. */
    public double sample(SplittableRandom rng, boolean uniform) {
        switch (kind) {
            case FLOAT:
                return prior == null || uniform ? rng.nextDouble() : prior.sample(rng);
            case INT:
                if (prior != null && !uniform) {
                    return snap(prior.sample(rng));
                }
                if (log) {
                    return snap(rng.nextDouble());
                }
                return toVector(lower + rng.nextLong((long) (upper - lower) + 1));
            case CATEGORICAL:
                if (weights == null || uniform) {
                    return rng.nextInt(values.size());
                }
                double u = rng.nextDouble();
                for (int i = 0; i < weights.length; i++) {
                    u -= weights[i];
                    if (u < 0) {
                        return i;
                    }
                }
                return weights.length - 1;
            case ORDINAL:
                return rng.nextInt(values.size());
            default:
                return 0;
        }
    }

    /** The nearest legal vector entry (integers on their grid, indices rounded). */
    public double snap(double u) {
        return switch (kind) {
            case FLOAT -> Math.min(1, Math.max(0, u));
            case INT -> toVector(toValue(u));
            case CATEGORICAL, ORDINAL -> Math.min(values.size() - 1, Math.max(0, Math.rint(u)));
            case CONSTANT -> 0;
        };
    }

    /** True when {@code u} is a legal vector entry of this hyperparameter. */
    public boolean accepts(double u) {
        if (Double.isNaN(u) || u < 0) {
            return false;
        }
        return switch (kind) {
            case FLOAT -> u <= 1;
            case INT -> u <= 1 && Math.abs(snap(u) - u) < 1e-9;
            case CATEGORICAL, ORDINAL -> u == Math.rint(u) && u < values.size();
            case CONSTANT -> u == 0;
        };
    }

    /**
     * The value of a vector entry: Double for floats, Long for ints, the choice object otherwise.
     */
    public Object toValue(double u) {
        switch (kind) {
            case FLOAT:
                return unscale(Math.min(1, Math.max(0, u)));
            case INT:
                long v = Math.round(unscale(Math.min(1, Math.max(0, u))));
                return Math.max((long) lower, Math.min((long) upper, v));
            case CATEGORICAL:
            case ORDINAL:
                return values.get((int) Math.rint(u));
            default:
                return values.get(0);
        }
    }

    /**
     * The vector entry of a value; throws IllegalArgumentException naming this hyperparameter when
     * illegal.
     */
    public double toVector(Object value) {
        switch (kind) {
            case FLOAT:
            case INT:
                if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
                    throw new IllegalArgumentException(name + ": expected a number, got " + value);
                }
                double x = n.doubleValue();
                if (x < lower - 1e-12 * Math.abs(lower) || x > upper + 1e-12 * Math.abs(upper)) {
                    throw new IllegalArgumentException(
                            name + ": " + x + " is outside [" + lower + ", " + upper + "]");
                }
                if (kind == ParamKind.INT && x != Math.rint(x)) {
                    throw new IllegalArgumentException(name + ": expected an integer, got " + x);
                }
                return scale(x);
            case CATEGORICAL:
            case ORDINAL:
                for (int i = 0; i < values.size(); i++) {
                    if (sameValue(values.get(i), value)) {
                        return i;
                    }
                }
                throw new IllegalArgumentException(
                        name + ": " + value + " is not one of " + values);
            default:
                if (!sameValue(values.get(0), value)) {
                    throw new IllegalArgumentException(
                            name + ": constant is " + values.get(0) + ", got " + value);
                }
                return 0;
        }
    }

    private double scale(double x) {
        if (upper == lower) {
            return 0;
        }
        double u =
                log
                        ? (Math.log(x) - Math.log(lower)) / (Math.log(upper) - Math.log(lower))
                        : (x - lower) / (upper - lower);
        return Math.min(1, Math.max(0, u));
    }

    private double unscale(double u) {
        return log
                ? Math.exp(Math.log(lower) + u * (Math.log(upper) - Math.log(lower)))
                : lower + u * (upper - lower);
    }

    /** Numbers compare numerically (1 equals 1.0, as in Python); anything else by equals. */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x
                && b instanceof Number y
                && !(a instanceof Boolean)
                && !(b instanceof Boolean)) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    private static double[] normalized(String name, double[] w, int n) {
        if (w.length != n) {
            throw new IllegalArgumentException(
                    name + ": " + w.length + " weights for " + n + " choices");
        }
        double sum = 0;
        for (double x : w) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException(
                        name + ": weights must be finite and >= 0, got " + Arrays.toString(w));
            }
            sum += x;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException(name + ": weights must not all be 0");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = w[i] / sum;
        }
        return out;
    }
}
