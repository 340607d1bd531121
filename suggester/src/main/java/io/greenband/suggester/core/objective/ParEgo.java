package io.greenband.suggester.core.objective;

import java.util.SplittableRandom;

/**
 * ParEGO's augmented Chebyshev scalarization {@code max_i(θ_i f_i) + ρ Σ_i θ_i f_i} over normalized
 * costs, with the weight vector θ redrawn for every model-based suggestion.
 */
public final class ParEgo implements Aggregation {

    /** Augmentation weight ρ (SMAC's default). */
    public static final double DEFAULT_RHO = 0.05;

    /** How θ is drawn. */
    public enum WeightDraw {
        /** SMAC: independent U(0,1) entries divided by their sum (biased toward the centre). */
        UNIFORM_NORMALIZED,
        /** Dirichlet(1,…,1): uniform on the simplex. */
        DIRICHLET
    }

    private final double rho;
    private final WeightDraw draw;

    /** ParEGO with augmentation {@code rho} and weight draw {@code draw}. */
    public ParEgo(double rho, WeightDraw draw) {
        if (!(rho >= 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("ParEGO rho must be finite and >= 0, was " + rho);
        }
        this.rho = rho;
        this.draw = draw;
    }

    /** SMAC's ParEGO: ρ = {@link #DEFAULT_RHO}, uniform-then-normalized weights. */
    public static ParEgo smac() {
        return new ParEgo(DEFAULT_RHO, WeightDraw.UNIFORM_NORMALIZED);
    }

    @Override
    public boolean drawsWeights() {
        return true;
    }

    @Override
    public double[] weights(int objectives, SplittableRandom rng) {
        double[] w = new double[objectives];
        double sum = 0;
        for (int i = 0; i < objectives; i++) {
            w[i] =
                    draw == WeightDraw.DIRICHLET
                            ? -Math.log(1 - rng.nextDouble())
                            : rng.nextDouble();
            sum += w[i];
        }
        for (int i = 0; i < objectives; i++) {
            w[i] /= sum + 1e-10;
        }
        return w;
    }

    @Override
    public double scalarize(double[] normalized, double[] weights) {
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < normalized.length; i++) {
            double t = weights[i] * normalized[i];
            max = Math.max(max, t);
            sum += t;
        }
        return max + rho * sum;
    }
}
