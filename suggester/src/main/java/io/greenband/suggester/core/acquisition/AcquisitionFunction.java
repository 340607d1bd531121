package io.greenband.suggester.core.acquisition;

/** Scores configuration vectors; larger is more promising. */
public interface AcquisitionFunction {

    /**
     * Writes the score of vector {@code i} into {@code out[i]}; {@code out} may be longer than
     * {@code vectors}.
     */
    void evaluate(double[][] vectors, double[] out);

    /** The score of one configuration vector. */
    default double evaluate(double[] vector) {
        double[] out = new double[1];
        evaluate(new double[][] {vector}, out);
        return out[0];
    }
}
