package io.greenband.suggester.core.acquisition;

import io.greenband.suggester.core.surrogate.FeatureEncoder;
import io.greenband.suggester.core.surrogate.Surrogate;

/**
 * SMAC's log-EI: the surrogate predicts log-scaled costs (mean m, variance v); the expected
 * improvement over {@code exp(f*)} in the un-logged space under a log-normal predictive is {@code
 * exp(f*) Φ(u) - exp(m + v/2) Φ(u - σ)} with {@code u = (f* - m)/σ}, ξ = 0, and f* the lowest
 * predicted mean among configurations already evaluated at the modelled budget.
 */
public final class LogExpectedImprovement implements AcquisitionFunction {

    private final Surrogate model;
    private final FeatureEncoder encoder;
    private final double incumbent;
    private final double budgetUnit;

    /**
     * @param incumbent f*, in the log-scaled space
     * @param budgetUnit the budget (on the encoder's [0,1] log scale) at which configurations are
     *     scored
     */
    public LogExpectedImprovement(
            Surrogate model, FeatureEncoder encoder, double incumbent, double budgetUnit) {
        this.model = model;
        this.encoder = encoder;
        this.incumbent = incumbent;
        this.budgetUnit = budgetUnit;
    }

    @Override
    public void evaluate(double[][] vectors, double[] out) {
        evaluateRange(vectors, out, 0, vectors.length);
    }

    private void evaluateRange(double[][] vectors, double[] out, int from, int to) {
        int n = to - from;
        int width = encoder.width();
        double[] flat = new double[n * width];
        double[] row = new double[width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(
                    encoder.fill(vectors[from + i], budgetUnit, row), 0, flat, i * width, width);
        }
        // One batch call over row-major features: the forest walks its flat node arrays tree by
        // tree and
        // splits large batches across threads itself.
        double[] means = new double[n];
        double[] vars = new double[n];
        model.predictFlat(flat, width, means, vars);
        double best = Math.exp(incumbent);
        for (int i = 0; i < n; i++) {
            double mean = means[i];
            double var = vars[i];
            double sigma = Math.sqrt(var);
            if (!(sigma > 0)) {
                out[from + i] = 0;
                continue;
            }
            double u = (incumbent - mean) / sigma;
            double ei = best * Gaussian.cdf(u) - Math.exp(mean + var / 2) * Gaussian.cdf(u - sigma);
            // Rounding can push a vanishing improvement below zero; an improvement is never
            // negative.
            out[from + i] = Double.isFinite(ei) ? Math.max(0, ei) : 0;
        }
    }
}
