package io.greenband.pareto;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Exact hypervolume of minimized vectors with respect to a reference point: the measure of the
 * region dominated by at least one vector and bounded by the reference point.
 *
 * <p>One objective: a difference. Two: a sort and sweep, O(n log n). Three: a sweep over the third
 * objective that keeps a two-dimensional staircase and its area up to date (HV3D-style), O(n log
 * n). Four and more: WFG (While, Bradstreet, Barone 2012) computing exclusive contributions of
 * points sorted worst-first in the last objective, so each limit set loses that objective and the
 * recursion ends in the three-objective sweep. Vectors that do not strictly dominate the reference
 * point add nothing and are dropped first.
 */
public final class Hypervolume {

    private Hypervolume() {}

    /** Hypervolume of the points' vectors. */
    public static double ofPoints(Collection<ParetoPoint> points, double[] reference) {
        List<double[]> vectors = new ArrayList<>(points.size());
        for (ParetoPoint p : points) {
            vectors.add(p.raw());
        }
        return of(vectors, reference);
    }

    /** Hypervolume of the vectors; none of the arrays is modified. */
    public static double of(Collection<double[]> vectors, double[] reference) {
        int d = reference.length;
        if (d == 0) {
            throw new IllegalArgumentException(
                    "reference point is empty: it needs one value per objective");
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(reference[i])) {
                throw new IllegalArgumentException(
                        "reference[" + i + "] is " + reference[i] + ": it must be finite");
            }
        }
        List<double[]> inside = new ArrayList<>(vectors.size());
        for (double[] v : vectors) {
            if (v.length != d) {
                throw new IllegalArgumentException(
                        "a vector has "
                                + v.length
                                + " objectives but the reference point has "
                                + d);
            }
            if (strictlyInside(v, reference, d)) {
                inside.add(v);
            }
        }
        if (inside.isEmpty()) {
            return 0.0;
        }
        return switch (d) {
            case 1 -> reference[0] - inside.stream().mapToDouble(v -> v[0]).min().orElseThrow();
            case 2 -> sweep2d(inside, reference);
            case 3 -> sweep3d(inside, reference);
            default -> wfg(NonDominatedSet.minimalVectors(inside), reference, d);
        };
    }

    private static boolean strictlyInside(double[] v, double[] reference, int d) {
        for (int i = 0; i < d; i++) {
            if (!(v[i] < reference[i])) {
                return false;
            }
        }
        return true;
    }

    /** Area over the first two coordinates; slabs between successive improvements of the second. */
    static double sweep2d(List<double[]> vectors, double[] reference) {
        List<double[]> sorted = new ArrayList<>(vectors);
        sorted.sort(Comparator.<double[]>comparingDouble(v -> v[0]).thenComparingDouble(v -> v[1]));
        double area = 0;
        double bestY = reference[1];
        for (double[] v : sorted) {
            if (v[1] < bestY) {
                area += (reference[0] - v[0]) * (bestY - v[1]);
                bestY = v[1];
            }
        }
        return area;
    }

    /**
     * Volume over the first three coordinates: area of the staircase times the height of each
     * z-slice.
     */
    static double sweep3d(List<double[]> vectors, double[] reference) {
        List<double[]> sorted = new ArrayList<>(vectors);
        sorted.sort(Comparator.comparingDouble(v -> v[2]));
        Staircase2d staircase = new Staircase2d(reference[0], reference[1]);
        double volume = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double[] v = sorted.get(i);
            staircase.insert(v[0], v[1]);
            double nextZ = i + 1 < sorted.size() ? sorted.get(i + 1)[2] : reference[2];
            volume += staircase.area() * (nextZ - v[2]);
        }
        return volume;
    }

    /**
     * WFG over the first {@code d} coordinates of mutually non-dominated vectors strictly inside
     * the reference. Sorted worst-first in coordinate d-1, every later vector is no worse there, so
     * the limit set of vector k shares its last coordinate and the exclusive contribution factors
     * into a height times a (d-1)-dimensional difference.
     */
    private static double wfg(List<double[]> vectors, double[] reference, int d) {
        if (d == 3) {
            return sweep3d(vectors, reference);
        }
        List<double[]> sorted = new ArrayList<>(vectors);
        int last = d - 1;
        sorted.sort(Comparator.comparingDouble((double[] v) -> v[last]).reversed());
        double total = 0;
        for (int k = 0; k < sorted.size(); k++) {
            double[] p = sorted.get(k);
            double height = reference[last] - p[last];
            double box = 1;
            for (int i = 0; i < last; i++) {
                box *= reference[i] - p[i];
            }
            List<double[]> limit = new ArrayList<>(sorted.size() - k - 1);
            for (int j = k + 1; j < sorted.size(); j++) {
                double[] q = sorted.get(j);
                double[] worse = new double[last];
                for (int i = 0; i < last; i++) {
                    worse[i] = Math.max(p[i], q[i]);
                }
                limit.add(worse);
            }
            double covered =
                    limit.isEmpty()
                            ? 0
                            : wfg(NonDominatedSet.minimalVectors(limit), reference, last);
            total += height * (box - covered);
        }
        return total;
    }
}
