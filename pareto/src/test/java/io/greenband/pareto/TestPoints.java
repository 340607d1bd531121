package io.greenband.pareto;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random point sets and brute-force references for the pareto tests. */
final class TestPoints {

    private TestPoints() {}

    /** Points with integer coordinates in [0, levels): many ties and duplicate vectors. */
    static List<ParetoPoint> integerPoints(
            SplittableRandom random, int n, int dimension, int levels) {
        List<ParetoPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] v = new double[dimension];
            for (int j = 0; j < dimension; j++) {
                v[j] = random.nextInt(levels);
            }
            points.add(new ParetoPoint("p" + i, v));
        }
        return points;
    }

    /** Points with real coordinates in [0, 1). */
    static List<ParetoPoint> realPoints(SplittableRandom random, int n, int dimension) {
        List<ParetoPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] v = new double[dimension];
            for (int j = 0; j < dimension; j++) {
                v[j] = random.nextDouble();
            }
            points.add(new ParetoPoint("p" + i, v));
        }
        return points;
    }

    /** Ids of the points no other point dominates, by the O(n^2) definition. */
    static List<String> bruteForceFrontIds(List<ParetoPoint> points) {
        List<String> ids = new ArrayList<>();
        for (ParetoPoint p : points) {
            boolean dominated = false;
            for (ParetoPoint q : points) {
                if (Dominance.dominates(q.values(), p.values())) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                ids.add(p.id());
            }
        }
        return ids;
    }

    /** Hypervolume by inclusion-exclusion over every non-empty subset (small sets only). */
    static double inclusionExclusion(List<double[]> vectors, double[] reference) {
        int n = vectors.size();
        if (n > 16) {
            throw new IllegalArgumentException(
                    "inclusion-exclusion is exponential: at most 16 vectors");
        }
        double total = 0;
        for (int mask = 1; mask < (1 << n); mask++) {
            double volume = 1;
            for (int i = 0; i < reference.length; i++) {
                double corner = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if ((mask & (1 << j)) != 0) {
                        corner = Math.max(corner, vectors.get(j)[i]);
                    }
                }
                volume *= Math.max(0, reference[i] - corner);
            }
            total += Integer.bitCount(mask) % 2 == 1 ? volume : -volume;
        }
        return total;
    }

    /**
     * Hypervolume of integer vectors in [0, levels) with reference {@code levels}: count dominated
     * unit cells.
     */
    static double gridCount(List<double[]> vectors, int dimension, int levels) {
        int cells = (int) Math.pow(levels, dimension);
        int[] corner = new int[dimension];
        long count = 0;
        for (int c = 0; c < cells; c++) {
            int rest = c;
            for (int i = 0; i < dimension; i++) {
                corner[i] = rest % levels;
                rest /= levels;
            }
            for (double[] v : vectors) {
                boolean covers = true;
                for (int i = 0; i < dimension; i++) {
                    if (v[i] > corner[i]) {
                        covers = false;
                        break;
                    }
                }
                if (covers) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    static List<double[]> vectors(List<ParetoPoint> points) {
        List<double[]> out = new ArrayList<>(points.size());
        for (ParetoPoint p : points) {
            out.add(p.values());
        }
        return out;
    }
}
