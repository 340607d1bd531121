package io.greenband.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Exact non-dominated filtering of a batch of points.
 *
 * <p>Points are sorted lexicographically first: a point can then only be dominated by one that
 * comes before it, so one pass against the members kept so far is exact.
 */
public final class NonDominatedSet {

    private static final Comparator<double[]> LEXICOGRAPHIC = Arrays::compare;

    private NonDominatedSet() {}

    /**
     * The points no other point dominates. Points with identical vectors are all kept (none
     * dominates the other); the result is in lexicographic order of the vectors.
     */
    public static List<ParetoPoint> of(Collection<ParetoPoint> points) {
        List<ParetoPoint> sorted = new ArrayList<>(points);
        sorted.sort((p, q) -> LEXICOGRAPHIC.compare(p.raw(), q.raw()));
        List<ParetoPoint> front = new ArrayList<>();
        for (ParetoPoint candidate : sorted) {
            boolean dominated = false;
            for (ParetoPoint member : front) {
                if (Dominance.dominates(member.raw(), candidate.raw())) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(candidate);
            }
        }
        return front;
    }

    /**
     * The distinct vectors no other vector weakly dominates, i.e. the minimal set with the same
     * dominated region (duplicates collapse to one). Used by hypervolume algorithms; the input is
     * not modified.
     */
    static List<double[]> minimalVectors(List<double[]> vectors) {
        List<double[]> sorted = new ArrayList<>(vectors);
        sorted.sort(LEXICOGRAPHIC);
        List<double[]> kept = new ArrayList<>();
        for (double[] candidate : sorted) {
            boolean covered = false;
            for (double[] member : kept) {
                if (Dominance.weaklyDominates(member, candidate)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
