package io.greenband.events.space;

/**
 * A numeric hyperparameter on [lower, upper], optionally on a log scale, float or integer. The
 * vector encoding is {@code (x - lower) / (upper - lower)}, on {@code ln x} when log.
 */
public sealed interface NumericHyperparameter extends Hyperparameter
        permits UniformFloat, UniformInt, NormalFloat, NormalInt, BetaFloat, BetaInt {

    /** Lower bound, inclusive. */
    double lowerBound();

    /** Upper bound, inclusive. */
    double upperBound();

    /** Whether the scale is logarithmic. */
    boolean log();

    /** Whether values are integers. */
    boolean integer();

    @Override
    default boolean ordered() {
        return true;
    }

    @Override
    default String illegality(Object value) {
        return Bounds.illegality(
                name(), type(), lowerBound(), upperBound(), integer(), log(), value);
    }

    @Override
    default double toVector(Object value) {
        double x = Values.asDouble(value);
        return log()
                ? (Math.log(x) - Math.log(lowerBound()))
                        / (Math.log(upperBound()) - Math.log(lowerBound()))
                : (x - lowerBound()) / (upperBound() - lowerBound());
    }

    @Override
    default Object fromVector(double u) {
        double x =
                log()
                        ? Math.exp(
                                Math.log(lowerBound())
                                        + u * (Math.log(upperBound()) - Math.log(lowerBound())))
                        : lowerBound() + u * (upperBound() - lowerBound());
        x = Math.min(upperBound(), Math.max(lowerBound(), x));
        return integer() ? (Object) (long) Math.rint(x) : (Object) x;
    }

    /** Shared checks and texts of numeric definitions. */
    final class Bounds {
        private Bounds() {}

        static String text(
                String name,
                String type,
                double lower,
                double upper,
                boolean integer,
                boolean log) {
            String lo = integer ? Long.toString((long) lower) : Double.toString(lower);
            String hi = integer ? Long.toString((long) upper) : Double.toString(upper);
            return "of "
                    + type
                    + " '"
                    + name
                    + "' ["
                    + lo
                    + ", "
                    + hi
                    + "]"
                    + (log ? " (log)" : "");
        }

        static String illegality(
                String name,
                String type,
                double lower,
                double upper,
                boolean integer,
                boolean log,
                Object value) {
            if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                return name
                        + " = "
                        + Values.describe(value)
                        + " is not a finite number ("
                        + type
                        + ")";
            }
            if (integer && !Values.integral(value)) {
                return name + " = " + value + " is not an integer (" + type + ")";
            }
            double x = n.doubleValue();
            if (x < lower) {
                return name
                        + " = "
                        + value
                        + " is below the lower bound "
                        + text(name, type, lower, upper, integer, log);
            }
            if (x > upper) {
                return name
                        + " = "
                        + value
                        + " is above the upper bound "
                        + text(name, type, lower, upper, integer, log);
            }
            return null;
        }

        /** Checks name, bounds and log; returns nothing, throws naming the field and the fix. */
        static void check(String name, double lower, double upper, boolean log) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must be a non-blank string");
            }
            if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
                throw new IllegalArgumentException(
                        name + ": lower and upper must be finite, got " + lower + " and " + upper);
            }
            if (!(lower < upper)) {
                throw new IllegalArgumentException(
                        name
                                + ": upper ("
                                + upper
                                + ") must be greater than lower ("
                                + lower
                                + ")");
            }
            if (log && lower <= 0) {
                throw new IllegalArgumentException(
                        name
                                + ": lower must be > 0 when log is true, got "
                                + lower
                                + "; raise lower or set log to false");
            }
        }

        /** Checks a default against the bounds. */
        static void checkDefault(
                String name,
                String type,
                double lower,
                double upper,
                boolean integer,
                boolean log,
                Object defaultValue) {
            String bad = illegality(name, type, lower, upper, integer, log, defaultValue);
            if (bad != null) {
                throw new IllegalArgumentException(
                        name
                                + ": default_value "
                                + defaultValue
                                + " is illegal ("
                                + bad
                                + "); pick a default inside the bounds");
            }
        }

        /** Checks that integer bounds are integral. */
        static void checkIntegral(String name, double lower, double upper) {
            if (lower != Math.rint(lower) || upper != Math.rint(upper)) {
                throw new IllegalArgumentException(
                        name
                                + ": lower and upper of an integer hyperparameter must be "
                                + "integers, got "
                                + lower
                                + " and "
                                + upper);
            }
        }

        /** The value at unit position {@code u} (log aware), unrounded. */
        static double at(double lower, double upper, boolean log, double u) {
            return log
                    ? Math.exp(Math.log(lower) + u * (Math.log(upper) - Math.log(lower)))
                    : lower + u * (upper - lower);
        }
    }
}
