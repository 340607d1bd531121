package io.greenband.suggester.core.tpe;

import io.greenband.suggester.core.acquisition.Gaussian;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A one-dimensional density over a hyperparameter's vector entries. Numeric entries (unit
 * interval): a mixture of a wide prior kernel N(0.5, 1) and one Gaussian kernel per observation,
 * each truncated to [0, 1], with a bandwidth equal to the larger gap to its sorted neighbours (the
 * prior's centre and the bounds included), clipped to [1 / min(100, 1 + n), 1]. Choice entries: the
 * observed counts plus a prior weight spread evenly over the choices.
 */
public final class ParzenEstimator {

    /** Weight of the prior kernel (or of the spread prior of a choice). */
    public static final double PRIOR_WEIGHT = 1.0;

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final int choices;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] logNorm;
    private final double[] weights;
    private final double[] cumulative;

    private ParzenEstimator(int choices, double[] mus, double[] sigmas, double[] weights) {
        this.choices = choices;
        this.mus = mus;
        this.sigmas = sigmas;
        this.weights = weights;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        this.cumulative = new double[weights.length];
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
            acc += weights[i];
            cumulative[i] = acc;
        }
        this.logNorm = new double[mus == null ? 0 : mus.length];
        for (int i = 0; i < logNorm.length; i++) {
            // A kernel truncated to [0, 1] integrates to 1 over it.
            double mass =
                    Gaussian.cdf((1 - mus[i]) / sigmas[i]) - Gaussian.cdf(-mus[i] / sigmas[i]);
            logNorm[i] =
                    Math.log(weights[i])
                            - Math.log(Math.max(mass, 1e-12))
                            - Math.log(sigmas[i])
                            - LOG_SQRT_2PI;
        }
    }

    /**
     * The density of numeric entries {@code values} (unit interval, NaN-free), each of weight 1.
     */
    public static ParzenEstimator numeric(double[] values) {
        return numeric(values, null);
    }

    /**
     * The density of numeric entries {@code values}, kernel i weighted by {@code obsWeights[i]}
     * (null: all 1).
     */
    public static ParzenEstimator numeric(double[] values, double[] obsWeights) {
        int n = values.length;
        double[] mus = new double[n + 1];
        mus[0] = 0.5;
        System.arraycopy(values, 0, mus, 1, n);
        int[] order = sortedOrder(mus);
        double[] sigmas = new double[n + 1];
        double minSigma = 1.0 / Math.min(100, 1 + n);
        for (int r = 0; r < order.length; r++) {
            double left = r == 0 ? 0 : mus[order[r - 1]];
            double right = r == order.length - 1 ? 1 : mus[order[r + 1]];
            double mu = mus[order[r]];
            sigmas[order[r]] = Math.min(1, Math.max(minSigma, Math.max(mu - left, right - mu)));
        }
        sigmas[0] = 1.0;
        double[] weights = new double[n + 1];
        for (int i = 0; i < n; i++) {
            weights[i + 1] = obsWeights == null ? 1.0 : obsWeights[i];
        }
        weights[0] = PRIOR_WEIGHT;
        return new ParzenEstimator(0, mus, sigmas, weights);
    }

    /**
     * The density of choice indices {@code values} among {@code choices} choices, each of weight 1.
     */
    public static ParzenEstimator choice(double[] values, int choices) {
        return choice(values, null, choices);
    }

    /**
     * The density of choice indices {@code values}, observation i weighted by {@code obsWeights[i]}
     * (null: all 1).
     */
    public static ParzenEstimator choice(double[] values, double[] obsWeights, int choices) {
        double[] weights = new double[choices];
        Arrays.fill(weights, PRIOR_WEIGHT / choices);
        for (int i = 0; i < values.length; i++) {
            weights[(int) values[i]] += obsWeights == null ? 1.0 : obsWeights[i];
        }
        return new ParzenEstimator(choices, null, null, weights);
    }

    /** A draw from the density: a unit-interval value, or a choice index. */
    public double sample(SplittableRandom rng) {
        int k = pick(rng.nextDouble());
        if (choices > 0) {
            return k;
        }
        // Rejection from the untruncated kernel: at least a third of its mass lies in [0, 1] (sigma
        // <= 1).
        for (int attempt = 0; attempt < 64; attempt++) {
            double x = mus[k] + sigmas[k] * gaussian(rng);
            if (x >= 0 && x <= 1) {
                return x;
            }
        }
        return Math.min(1, Math.max(0, mus[k]));
    }

    /** The log density at {@code x} (a unit-interval value, or a choice index). */
    public double logDensity(double x) {
        if (choices > 0) {
            return Math.log(weights[(int) x]);
        }
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[mus.length];
        for (int i = 0; i < mus.length; i++) {
            double z = (x - mus[i]) / sigmas[i];
            terms[i] = logNorm[i] - 0.5 * z * z;
            max = Math.max(max, terms[i]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    private int pick(double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller from two uniforms, so a draw depends only on the generator's stream.
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int[] sortedOrder(double[] values) {
        Integer[] idx = new Integer[values.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(values[a], values[b]));
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
