package io.greenband.benchmarks.suggester;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Exact hypervolume of minimization points in 2 or 3 dimensions, against the reference point
 * {@link #REFERENCE} in every objective of a space normalized to [0,1] by the true front's ideal and
 * nadir points. Points that do not strictly dominate the reference add nothing.
 */
final class Hypervolume {

    /** Reference point coordinate in the normalized space. */
    static final double REFERENCE = 1.1;

    private Hypervolume() {
    }

    /** Each point mapped by {@code (v - ideal) / (nadir - ideal)} per objective. */
    static double[][] normalize(double[][] points, double[] ideal, double[] nadir) {
        double[][] out = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            out[i] = new double[ideal.length];
            for (int j = 0; j < ideal.length; j++) {
                out[i][j] = (points[i][j] - ideal[j]) / (nadir[j] - ideal[j]);
            }
        }
        return out;
    }

    /** The hypervolume of {@code points} (2 or 3 objectives). */
    static double of(double[][] points) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (Arrays.stream(p).allMatch(v -> v < REFERENCE)) {
                inside.add(p);
            }
        }
        if (inside.isEmpty()) {
            return 0;
        }
        int m = inside.get(0).length;
        if (m == 2) {
            return area(inside);
        }
        if (m != 3) {
            throw new IllegalArgumentException("hypervolume supports 2 or 3 objectives, got " + m);
        }
        // Slice along the third objective: between consecutive z values the covered area is constant.
        inside.sort(Comparator.comparingDouble(p -> p[2]));
        double volume = 0;
        List<double[]> active = new ArrayList<>();
        for (int i = 0; i < inside.size(); i++) {
            active.add(inside.get(i));
            double zNext = i + 1 < inside.size() ? inside.get(i + 1)[2] : REFERENCE;
            double dz = zNext - inside.get(i)[2];
            if (dz > 0) {
                volume += area(active) * dz;
            }
        }
        return volume;
    }

    /** Area dominated in the first two objectives, by a sweep over the first. */
    private static double area(List<double[]> points) {
        double[][] p = points.toArray(new double[0][]);
        Arrays.sort(p, Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
        double area = 0;
        double bestY = REFERENCE;
        for (int i = 0; i < p.length; i++) {
            if (p[i][1] < bestY) {
                area += (REFERENCE - p[i][0]) * (bestY - p[i][1]);
                bestY = p[i][1];
            }
        }
        return area;
    }
}
