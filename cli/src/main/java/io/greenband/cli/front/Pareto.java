package io.greenband.cli.front;

import io.greenband.pareto.Directions;
import io.greenband.pareto.HypervolumeFrame;
import io.greenband.pareto.NonDominatedSort;
import java.util.ArrayList;
import java.util.List;

/**
 * The command's points measured by the {@code pareto} module: non-dominated sets and hypervolume.
 * Directions are given per objective ({@code true} = maximize) and flipped there; the frames are
 * the aggregator's ({@link HypervolumeFrame}): derived over the observed points, or the study's own
 * reference point.
 */
public final class Pareto {

    private Pareto() {}

    /** The points no other point dominates, in input order (equal points are all kept). */
    public static List<Point> front(List<Point> points, boolean[] maximize) {
        if (points.isEmpty()) {
            return List.of();
        }
        double[][] vectors = minimized(points, Directions.of(maximize)).toArray(double[][]::new);
        List<Point> out = new ArrayList<>();
        for (int i : NonDominatedSort.fronts(vectors)[0]) {
            out.add(points.get(i));
        }
        return out;
    }

    /**
     * Hypervolume of the front of {@code frontOf} within the derived frame of {@code frame} (all
     * observed points).
     */
    public static double hypervolume(List<Point> frontOf, List<Point> frame, boolean[] maximize) {
        if (frontOf.isEmpty()) {
            return 0;
        }
        Directions directions = Directions.of(maximize);
        return HypervolumeFrame.derivedFromVectors(minimized(frame, directions))
                .hypervolumeOfVectors(minimized(frontOf, directions));
    }

    /**
     * Hypervolume of the front of {@code frontOf} against a fixed {@code reference} point given in
     * objective units and directions (a study's own reference): no normalization, so values of one
     * study compare over time.
     */
    public static double hypervolume(List<Point> frontOf, double[] reference, boolean[] maximize) {
        if (reference.length != maximize.length) {
            throw new IllegalArgumentException(
                    "reference has "
                            + reference.length
                            + " values for "
                            + maximize.length
                            + " objectives");
        }
        Directions directions = Directions.of(maximize);
        return HypervolumeFrame.fixed(reference, directions)
                .hypervolumeOfVectors(minimized(frontOf, directions));
    }

    private static List<double[]> minimized(List<Point> points, Directions directions) {
        List<double[]> out = new ArrayList<>(points.size());
        for (Point p : points) {
            out.add(
                    directions.minimized(
                            p.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }
}
