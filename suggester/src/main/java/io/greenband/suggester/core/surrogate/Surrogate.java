package io.greenband.suggester.core.surrogate;

/** A fitted model predicting a mean and a variance for feature rows. */
public interface Surrogate {

    /** Writes the predictive mean and variance of each row of {@code features}. */
    void predict(double[][] features, double[] mean, double[] variance);

    /**
     * Writes the predictive mean and variance of {@code mean.length} rows stored one after another
     * in {@code flat}, each {@code width} values long. The default copies them into row arrays.
     */
    default void predictFlat(double[] flat, int width, double[] mean, double[] variance) {
        double[][] rows = new double[mean.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        predict(rows, mean, variance);
    }

    /**
     * Writes the mean into {@code meanVariance[0]} and the variance into {@code meanVariance[1]}.
     */
    default void predict(double[] row, double[] meanVariance) {
        double[] m = new double[1];
        double[] v = new double[1];
        predict(new double[][] {row}, m, v);
        meanVariance[0] = m[0];
        meanVariance[1] = v[0];
    }
}
