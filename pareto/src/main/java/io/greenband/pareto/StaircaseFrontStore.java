package io.greenband.pareto;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two-objective front as a staircase: keyed by the first objective ascending, the second is
 * strictly descending, so dominance checks and removals are logarithmic plus what is removed.
 */
final class StaircaseFrontStore implements FrontStore {

    /** Points sharing one vector (duplicates stay members together). */
    private static final class Step {
        final double y;
        final List<ParetoPoint> points = new ArrayList<>(1);

        Step(double y) {
            this.y = y;
        }
    }

    private final TreeMap<Double, Step> steps = new TreeMap<>();
    private int size;

    @Override
    public List<ParetoPoint> offer(ParetoPoint point) {
        double x = point.value(0);
        double y = point.value(1);
        Map.Entry<Double, Step> floor = steps.floorEntry(x);
        if (floor != null && floor.getValue().y <= y) {
            if (floor.getKey() == x && floor.getValue().y == y) {
                floor.getValue().points.add(point);
                size++;
                return List.of();
            }
            return null;
        }
        List<ParetoPoint> removed = new ArrayList<>();
        Iterator<Map.Entry<Double, Step>> it = steps.tailMap(x, true).entrySet().iterator();
        while (it.hasNext()) {
            Step step = it.next().getValue();
            if (step.y < y) {
                break;
            }
            removed.addAll(step.points);
            size -= step.points.size();
            it.remove();
        }
        Step step = new Step(y);
        step.points.add(point);
        steps.put(x, step);
        size++;
        return removed;
    }

    @Override
    public List<ParetoPoint> members() {
        List<ParetoPoint> all = new ArrayList<>(size);
        for (Step step : steps.values()) {
            all.addAll(step.points);
        }
        return all;
    }

    @Override
    public int size() {
        return size;
    }
}
