package io.greenband.cli.front;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Non-dominated sets and hypervolume. Directions are given per objective ({@code true} = maximize); values are
 * flipped internally so everything is minimized. Hypervolume is computed exactly by slicing (fine for the small fronts
 * the command shows) in a frame normalized min-max over the observed points with the reference at 1.1, as the
 * aggregator's derived frame.
 */
public final class Pareto {

    private Pareto() {
    }

    /** The points no other point dominates, in input order. */
    public static List<Point> front(List<Point> points, boolean[] maximize) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            boolean dominated = false;
            for (Point q : points) {
                if (q != p && dominates(min(q, maximize), min(p, maximize))) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether minimized vector {@code a} dominates {@code b}. */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            better |= a[i] < b[i];
        }
        return better;
    }

    /** Hypervolume of the front of {@code frontOf} within the normalized frame of {@code frame} (all observed points). */
    public static double hypervolume(List<Point> frontOf, List<Point> frame, boolean[] maximize) {
        if (frontOf.isEmpty()) {
            return 0;
        }
        int d = maximize.length;
        double[] lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (Point p : frame) {
            double[] m = min(p, maximize);
            for (int i = 0; i < d; i++) {
                lo[i] = Math.min(lo[i], m[i]);
                hi[i] = Math.max(hi[i], m[i]);
            }
        }
        List<double[]> pts = new ArrayList<>();
        for (Point p : front(frontOf, maximize)) {
            double[] m = min(p, maximize);
            double[] n = new double[d];
            for (int i = 0; i < d; i++) {
                double range = hi[i] - lo[i];
                n[i] = (m[i] - lo[i]) / (range > 0 ? range : 1);
            }
            pts.add(n);
        }
        return slice(pts, d, 1.1);
    }

    /**
     * Hypervolume of the front of {@code frontOf} against a fixed {@code reference} point given in objective units
     * and directions (a study's own reference): no normalization, so values of one study compare over time.
     */
    public static double hypervolume(List<Point> frontOf, double[] reference, boolean[] maximize) {
        int d = maximize.length;
        if (reference.length != d) {
            throw new IllegalArgumentException("reference has " + reference.length + " values for " + d + " objectives");
        }
        double[] ref = new double[d];
        for (int i = 0; i < d; i++) {
            ref[i] = maximize[i] ? -reference[i] : reference[i];
        }
        List<double[]> pts = new ArrayList<>();
        for (Point p : front(frontOf, maximize)) {
            pts.add(min(p, maximize));
        }
        return slice(pts, d, ref);
    }

    /** Exact hypervolume of minimized points against the reference {@code ref} in every dimension. */
    static double slice(List<double[]> pts, int d, double ref) {
        double[] r = new double[d];
        Arrays.fill(r, ref);
        return slice(pts, d, r);
    }

    /** Exact hypervolume of minimized points against the reference point {@code ref} (first {@code d} dimensions). */
    private static double slice(List<double[]> pts, int d, double[] ref) {
        List<double[]> inside = pts.stream().filter(p -> {
            for (int i = 0; i < d; i++) {
                if (!(p[i] < ref[i])) {
                    return false;
                }
            }
            return true;
        }).toList();
        if (inside.isEmpty()) {
            return 0;
        }
        if (d == 1) {
            return ref[0] - inside.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        }
        List<double[]> sorted = new ArrayList<>(inside);
        sorted.sort(Comparator.comparingDouble(p -> p[d - 1]));
        double volume = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double top = i + 1 < sorted.size() ? sorted.get(i + 1)[d - 1] : ref[d - 1];
            double depth = top - sorted.get(i)[d - 1];
            if (depth > 0) {
                volume += depth * slice(sorted.subList(0, i + 1), d - 1, ref);
            }
        }
        return volume;
    }

    private static double[] min(Point p, boolean[] maximize) {
        double[] v = new double[maximize.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = maximize[i] ? -p.values().get(i) : p.values().get(i);
        }
        return v;
    }
}
