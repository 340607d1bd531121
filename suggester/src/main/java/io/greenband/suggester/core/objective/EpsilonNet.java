package io.greenband.suggester.core.objective;

/**
 * Farthest-point ordering of one front (an ε-net, as Syne Tune's MO-ASHA uses instead of crowding):
 * start at the best point of objective 0, then repeatedly take the point farthest from everything
 * taken.
 */
public final class EpsilonNet {

    private EpsilonNet() {}

    /** The members of {@code front} in ε-net order; ties go to the lower index. */
    public static int[] order(double[][] points, int[] front) {
        int n = front.length;
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        boolean[] taken = new boolean[n];
        double[] nearest = new double[n];
        int first = 0;
        for (int i = 1; i < n; i++) {
            double a = points[front[i]][0];
            double b = points[front[first]][0];
            if (a < b || (a == b && front[i] < front[first])) {
                first = i;
            }
        }
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int current = first;
        for (int k = 0; k < n; k++) {
            taken[current] = true;
            out[k] = front[current];
            int next = -1;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                nearest[i] =
                        Math.min(nearest[i], distance(points[front[i]], points[front[current]]));
                if (next < 0
                        || nearest[i] > nearest[next]
                        || (nearest[i] == nearest[next] && front[i] < front[next])) {
                    next = i;
                }
            }
            current = next;
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
