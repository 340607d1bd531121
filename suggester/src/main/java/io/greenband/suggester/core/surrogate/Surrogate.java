package io.greenband.suggester.core.surrogate;

/** A fitted model predicting a mean and a variance for feature rows. */
public interface Surrogate {

    /** Writes the predictive mean and variance of each row of {@code features}. */
    void predict(double[][] features, double[] mean, double[] variance);
}
