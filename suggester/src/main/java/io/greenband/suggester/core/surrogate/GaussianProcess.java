package io.greenband.suggester.core.surrogate;

import java.util.Arrays;

/**
 * A Gaussian process with a Matérn-5/2 kernel, one length scale per input column (ARD) and a
 * nugget, on standardized targets. The signal variance is profiled out of the marginal likelihood
 * in closed form; the length scales and the nugget are chosen by a deterministic search (a
 * shared-scale grid, then per-column halving and doubling), so the same rows always give the same
 * model. Meant for small training sets: a fit costs a few dozen Cholesky factorizations of an n x n
 * matrix and a prediction O(n²).
 */
public final class GaussianProcess implements Surrogate {

    private static final double[] SCALE_GRID = {0.1, 0.2, 0.35, 0.6, 1.0, 2.0};
    private static final double[] NUGGET_GRID = {1e-6, 1e-3, 1e-2, 0.1};
    private static final double MIN_SCALE = 0.01;
    private static final double MAX_SCALE = 50;
    private static final double MIN_NUGGET = 1e-8;
    private static final double MAX_NUGGET = 1;
    private static final int REFINE_PASSES = 2;

    private final double[][] x;
    private final double[] inverseScale;
    private final Factor factor;
    private final double yMean;
    private final double yStd;
    private final KernelFeatures features;

    private GaussianProcess(
            KernelFeatures features,
            double[][] x,
            double[] inverseScale,
            Factor factor,
            double yMean,
            double yStd) {
        this.features = features;
        this.x = x;
        this.inverseScale = inverseScale;
        this.factor = factor;
        this.yMean = yMean;
        this.yStd = yStd;
    }

    /**
     * Fits the process to forest feature rows {@code rows} mapped by {@code features}, targets
     * {@code y}.
     */
    public static GaussianProcess fit(KernelFeatures features, double[][] rows, double[] y) {
        double[][] x = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            x[i] = features.map(rows[i], 0);
        }
        return fitMapped(features, x, y);
    }

    /**
     * Fits the process to rows {@code x} (at least one, all of equal width) with targets {@code y}.
     */
    public static GaussianProcess fit(double[][] x, double[] y) {
        return fitMapped(null, x, y);
    }

    private static GaussianProcess fitMapped(KernelFeatures features, double[][] x, double[] y) {
        int n = y.length;
        int d = x[0].length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 1;
        if (!(std > 1e-12)) {
            std = 1;
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (y[i] - mean) / std;
        }
        double[] scales = new double[d];
        double nugget = NUGGET_GRID[0];
        Factor best = null;
        for (double s : SCALE_GRID) {
            for (double g : NUGGET_GRID) {
                Arrays.fill(scales, s);
                Factor f = Factor.of(x, z, inverse(scales), g);
                if (f != null && (best == null || f.logLikelihood > best.logLikelihood)) {
                    best = f;
                    nugget = g;
                }
            }
        }
        if (best == null) {
            best = Factor.of(x, z, inverse(filled(d, MAX_SCALE)), MAX_NUGGET);
            return new GaussianProcess(features, x, inverse(filled(d, MAX_SCALE)), best, mean, std);
        }
        Arrays.fill(scales, 1 / best.inverseScale[0]);
        for (int pass = 0; pass < REFINE_PASSES; pass++) {
            for (int j = 0; j <= d; j++) {
                for (double factorStep : new double[] {0.5, 2}) {
                    double[] trial = scales.clone();
                    double g = nugget;
                    if (j < d) {
                        trial[j] = Math.min(MAX_SCALE, Math.max(MIN_SCALE, trial[j] * factorStep));
                    } else {
                        g = Math.min(MAX_NUGGET, Math.max(MIN_NUGGET, g * factorStep * factorStep));
                    }
                    Factor f = Factor.of(x, z, inverse(trial), g);
                    if (f != null && f.logLikelihood > best.logLikelihood) {
                        best = f;
                        scales = trial;
                        nugget = g;
                    }
                }
            }
        }
        return new GaussianProcess(features, x, best.inverseScale, best, mean, std);
    }

    @Override
    public void predict(double[][] rows, double[] mean, double[] variance) {
        for (int r = 0; r < rows.length; r++) {
            predictOne(features == null ? rows[r] : features.map(rows[r], 0), r, mean, variance);
        }
    }

    @Override
    public void predictFlat(double[] flat, int width, double[] mean, double[] variance) {
        for (int r = 0; r < mean.length; r++) {
            double[] row =
                    features == null
                            ? Arrays.copyOfRange(flat, r * width, (r + 1) * width)
                            : features.map(flat, r * width);
            predictOne(row, r, mean, variance);
        }
    }

    private void predictOne(double[] row, int r, double[] mean, double[] variance) {
        int n = x.length;
        double[] k = new double[n];
        double mu = 0;
        for (int i = 0; i < n; i++) {
            k[i] = Factor.kernel(x[i], row, inverseScale);
            mu += k[i] * factor.alpha[i];
        }
        double v = factor.signal * Math.max(1e-12, 1 - factor.explained(k));
        mean[r] = yMean + yStd * mu;
        variance[r] = yStd * yStd * v;
    }

    private static double[] inverse(double[] scales) {
        double[] out = new double[scales.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = 1 / scales[i];
        }
        return out;
    }

    private static double[] filled(int d, double v) {
        double[] out = new double[d];
        Arrays.fill(out, v);
        return out;
    }
}
