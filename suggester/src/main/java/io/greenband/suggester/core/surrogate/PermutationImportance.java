package io.greenband.suggester.core.surrogate;

/**
 * Permutation importance of each input column of a fitted surrogate: how much its squared error on
 * the training rows rises when that column's values are moved to other rows (a fixed rotation by
 * half the rows, so the result needs no randomness and the optimizer's random streams are
 * untouched). Rises below zero count as zero; the shares are normalized to sum to 1 (all zero when
 * no column matters).
 */
public final class PermutationImportance {

    private PermutationImportance() {}

    /** One share per column of {@code x} for {@code model} fitted on ({@code x}, {@code y}). */
    public static double[] of(Surrogate model, double[][] x, double[] y) {
        int n = x.length;
        int width = n == 0 ? 0 : x[0].length;
        double[] shares = new double[width];
        if (n < 2) {
            return shares;
        }
        double[] flat = new double[n * width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, flat, i * width, width);
        }
        double base = error(model, flat, width, y);
        int shift = n / 2;
        double total = 0;
        for (int j = 0; j < width; j++) {
            double[] moved = flat.clone();
            for (int i = 0; i < n; i++) {
                moved[i * width + j] = flat[((i + shift) % n) * width + j];
            }
            shares[j] = Math.max(0, error(model, moved, width, y) - base);
            total += shares[j];
        }
        for (int j = 0; j < width && total > 0; j++) {
            shares[j] /= total;
        }
        return shares;
    }

    private static double error(Surrogate model, double[] flat, int width, double[] y) {
        double[] mean = new double[y.length];
        double[] variance = new double[y.length];
        model.predictFlat(flat, width, mean, variance);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double d = mean[i] - y[i];
            sum += d * d;
        }
        return sum / y.length;
    }
}
