package io.greenband.pareto;

/**
 * Objective directions: which objectives are maximized. Everything in this package minimizes, so a
 * maximized value (and a reference coordinate given for it) is negated before it enters a front or
 * a frame; a reference point given in objective units and directions is flipped the same way.
 */
public final class Directions {

    private final boolean[] maximize;

    private Directions(boolean[] maximize) {
        this.maximize = maximize.clone();
    }

    /** Directions from flags, {@code true} where the objective is maximized. */
    public static Directions of(boolean... maximize) {
        if (maximize.length == 0) {
            throw new IllegalArgumentException("maximize is empty: give one flag per objective");
        }
        return new Directions(maximize);
    }

    /** Every one of {@code dimension} objectives minimized. */
    public static Directions allMinimized(int dimension) {
        return of(new boolean[dimension]);
    }

    /** Number of objectives. */
    public int dimension() {
        return maximize.length;
    }

    /** Whether objective {@code i} is maximized. */
    public boolean maximized(int i) {
        return maximize[i];
    }

    /**
     * A minimized copy of a vector in objective units and directions (maximized values negated).
     */
    public double[] minimized(double[] values) {
        if (values.length != maximize.length) {
            throw new IllegalArgumentException(
                    "a vector has "
                            + values.length
                            + " values for "
                            + maximize.length
                            + " objectives");
        }
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            // + 0.0 turns -0.0 into 0.0, as ParetoPoint does.
            out[i] = (maximize[i] ? -values[i] : values[i]) + 0.0;
        }
        return out;
    }
}
