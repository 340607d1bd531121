package io.greenband.suggester.core.acquisition;

/** Scores configuration vectors; larger is more promising. */
public interface AcquisitionFunction {

    /** Writes the score of each configuration vector into {@code out}. */
    void evaluate(double[][] vectors, double[] out);

    /** The score of one configuration vector. */
    default double evaluate(double[] vector) {
        double[] out = new double[1];
        evaluate(new double[][] {vector}, out);
        return out[0];
    }
}
