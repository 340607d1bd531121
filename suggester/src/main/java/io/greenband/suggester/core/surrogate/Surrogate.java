package io.greenband.suggester.core.surrogate;

/** A fitted model predicting a mean and a variance for feature rows. */
public interface Surrogate {

    /** Writes the predictive mean and variance of each row of {@code features}. */
    void predict(double[][] features, double[] mean, double[] variance);

    /** Writes the mean into {@code meanVariance[0]} and the variance into {@code meanVariance[1]}. */
    default void predict(double[] row, double[] meanVariance) {
        double[] m = new double[1];
        double[] v = new double[1];
        predict(new double[][] {row}, m, v);
        meanVariance[0] = m[0];
        meanVariance[1] = v[0];
    }
}
