package io.greenband.pareto;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A two-dimensional non-dominated staircase with its dominated area up to a reference corner, kept
 * up to date on every insertion. The area is the sum over steps of (next x - x) * (ref y - y); an
 * insertion only changes the terms of its predecessor, the steps it removes and itself.
 */
final class Staircase2d {

    private final TreeMap<Double, Double> steps = new TreeMap<>();
    private final double refX;
    private final double refY;
    private double area;

    Staircase2d(double refX, double refY) {
        this.refX = refX;
        this.refY = refY;
    }

    /**
     * Inserts a point strictly inside the reference corner; weakly dominated points change nothing.
     */
    void insert(double x, double y) {
        Map.Entry<Double, Double> floor = steps.floorEntry(x);
        if (floor != null && floor.getValue() <= y) {
            return;
        }
        Map.Entry<Double, Double> pred = steps.lowerEntry(x);
        List<double[]> removed = new ArrayList<>();
        Iterator<Map.Entry<Double, Double>> it = steps.tailMap(x, true).entrySet().iterator();
        double succX = refX;
        while (it.hasNext()) {
            Map.Entry<Double, Double> e = it.next();
            if (e.getValue() < y) {
                succX = e.getKey();
                break;
            }
            removed.add(new double[] {e.getKey(), e.getValue()});
            it.remove();
        }
        double oldTerms = 0;
        for (int i = 0; i < removed.size(); i++) {
            double next = i + 1 < removed.size() ? removed.get(i + 1)[0] : succX;
            oldTerms += (next - removed.get(i)[0]) * (refY - removed.get(i)[1]);
        }
        double newTerms = (succX - x) * (refY - y);
        if (pred != null) {
            double oldNext = removed.isEmpty() ? succX : removed.get(0)[0];
            oldTerms += (oldNext - pred.getKey()) * (refY - pred.getValue());
            newTerms += (x - pred.getKey()) * (refY - pred.getValue());
        }
        steps.put(x, y);
        area += newTerms - oldTerms;
    }

    /** Area dominated by the staircase inside the reference corner. */
    double area() {
        return area;
    }
}
