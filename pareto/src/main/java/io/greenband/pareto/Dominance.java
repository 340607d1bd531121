package io.greenband.pareto;

/** Pareto dominance between minimized vectors of equal length. */
public final class Dominance {

    /** How two vectors relate. */
    public enum Relation {
        /** The first is no worse everywhere and better somewhere. */
        DOMINATES,
        /** The second dominates the first. */
        DOMINATED,
        /** Identical vectors. */
        EQUAL,
        /** Each is better somewhere. */
        INCOMPARABLE
    }

    private Dominance() {}

    /** Relation of {@code a} to {@code b}. */
    public static Relation compare(double[] a, double[] b) {
        checkLengths(a, b);
        boolean aBetter = false;
        boolean bBetter = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < b[i]) {
                aBetter = true;
            } else if (b[i] < a[i]) {
                bBetter = true;
            }
            if (aBetter && bBetter) {
                return Relation.INCOMPARABLE;
            }
        }
        if (aBetter) {
            return Relation.DOMINATES;
        }
        return bBetter ? Relation.DOMINATED : Relation.EQUAL;
    }

    /**
     * Whether {@code a} dominates {@code b}: no worse in every objective, strictly better in one.
     */
    public static boolean dominates(double[] a, double[] b) {
        return compare(a, b) == Relation.DOMINATES;
    }

    /** Whether {@code a} is no worse than {@code b} in every objective (equal vectors included). */
    public static boolean weaklyDominates(double[] a, double[] b) {
        checkLengths(a, b);
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
        }
        return true;
    }

    private static void checkLengths(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vectors differ in length ("
                            + a.length
                            + " vs "
                            + b.length
                            + "): every point of one front must have the same number of objectives");
        }
    }
}
