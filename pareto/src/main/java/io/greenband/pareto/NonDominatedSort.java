package io.greenband.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Non-dominated sorting of cost vectors (minimization) into Pareto fronts, by efficient sequential
 * search: points are visited in lexicographic order and each joins the first front that holds no
 * point dominating it. Two objectives need one comparison per front and a binary search over
 * fronts.
 */
public final class NonDominatedSort {

    private NonDominatedSort() {}

    /**
     * The fronts, best first; each front lists item indices in increasing order. Equal points share
     * a front.
     */
    public static int[][] fronts(double[][] points) {
        int n = points.length;
        if (n == 0) {
            return new int[0][];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> {
                    for (int k = 0; k < points[a].length; k++) {
                        int c = Double.compare(points[a][k], points[b][k]);
                        if (c != 0) {
                            return c;
                        }
                    }
                    return Integer.compare(a, b);
                });
        boolean twoObjectives = points[0].length == 2;
        List<List<Integer>> fronts = new ArrayList<>();
        for (int p : order) {
            int target;
            if (twoObjectives) {
                int lo = 0;
                int hi = fronts.size();
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (dominatedByLastOf(fronts.get(mid), points, p)) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                target = lo;
            } else {
                target = 0;
                while (target < fronts.size() && dominatedByAny(fronts.get(target), points, p)) {
                    target++;
                }
            }
            if (target == fronts.size()) {
                fronts.add(new ArrayList<>());
            }
            fronts.get(target).add(p);
        }
        int[][] out = new int[fronts.size()][];
        for (int f = 0; f < out.length; f++) {
            out[f] = fronts.get(f).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return out;
    }

    /**
     * With two objectives in lexicographic order the last member of a front has its smallest second
     * cost.
     */
    private static boolean dominatedByLastOf(List<Integer> front, double[][] points, int p) {
        return Dominance.dominates(points[front.get(front.size() - 1)], points[p]);
    }

    private static boolean dominatedByAny(List<Integer> front, double[][] points, int p) {
        for (int i = front.size() - 1; i >= 0; i--) {
            if (Dominance.dominates(points[front.get(i)], points[p])) {
                return true;
            }
        }
        return false;
    }
}
