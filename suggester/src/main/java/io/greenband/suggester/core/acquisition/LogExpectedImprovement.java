package io.greenband.suggester.core.acquisition;

import io.greenband.suggester.core.surrogate.FeatureEncoder;
import io.greenband.suggester.core.surrogate.Surrogate;
import java.util.stream.IntStream;

/**
 * SMAC's log-EI: the surrogate predicts log-scaled costs (mean m, variance v); the expected improvement
 * over {@code exp(f*)} in the un-logged space under a log-normal predictive is
 * {@code exp(f*) Φ(u) - exp(m + v/2) Φ(u - σ)} with {@code u = (f* - m)/σ}, ξ = 0, and f* the lowest
 * predicted mean among configurations already evaluated at the modelled budget.
 */
public final class LogExpectedImprovement implements AcquisitionFunction {

    /** Configurations per parallel chunk; smaller batches are scored on the calling thread. */
    private static final int PARALLEL_ROWS = 1024;

    private final Surrogate model;
    private final FeatureEncoder encoder;
    private final double incumbent;
    private final double budgetUnit;

    /**
     * @param incumbent f*, in the log-scaled space
     * @param budgetUnit the budget (on the encoder's [0,1] log scale) at which configurations are scored
     */
    public LogExpectedImprovement(Surrogate model, FeatureEncoder encoder, double incumbent, double budgetUnit) {
        this.model = model;
        this.encoder = encoder;
        this.incumbent = incumbent;
        this.budgetUnit = budgetUnit;
    }

    @Override
    public void evaluate(double[][] vectors, double[] out) {
        int n = vectors.length;
        if (n >= PARALLEL_ROWS) {
            // Chunks are independent, so the parallel result equals the sequential one.
            IntStream.range(0, (n + PARALLEL_ROWS - 1) / PARALLEL_ROWS).parallel().forEach(chunk ->
                    evaluateRange(vectors, out, chunk * PARALLEL_ROWS, Math.min(n, (chunk + 1) * PARALLEL_ROWS)));
        } else {
            evaluateRange(vectors, out, 0, n);
        }
    }

    private void evaluateRange(double[][] vectors, double[] out, int from, int to) {
        double[] row = new double[encoder.width()];
        double[] mv = new double[2];
        double best = Math.exp(incumbent);
        for (int i = from; i < to; i++) {
            model.predict(encoder.fill(vectors[i], budgetUnit, row), mv);
            double mean = mv[0];
            double var = mv[1];
            double sigma = Math.sqrt(var);
            if (!(sigma > 0)) {
                out[i] = 0;
                continue;
            }
            double u = (incumbent - mean) / sigma;
            double ei = best * Gaussian.cdf(u) - Math.exp(mean + var / 2) * Gaussian.cdf(u - sigma);
            // Rounding can push a vanishing improvement below zero; an improvement is never negative.
            out[i] = Double.isFinite(ei) ? Math.max(0, ei) : 0;
        }
    }
}
