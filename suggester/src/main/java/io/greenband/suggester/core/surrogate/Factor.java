package io.greenband.suggester.core.surrogate;

/**
 * The Cholesky factor of a Gaussian process's correlation matrix {@code R = C + g I} for one
 * setting of length scales and nugget, with {@code R⁻¹z}, the profiled signal variance {@code
 * zᵀR⁻¹z / n} and the profiled log marginal likelihood {@code -n/2 log(signal) - Σ log L_ii} that
 * ranks settings.
 */
final class Factor {

    final double[] inverseScale;
    final double[] lower;
    final double[] alpha;
    final double signal;
    final double logLikelihood;
    private final int n;

    private Factor(
            double[] inverseScale,
            double[] lower,
            double[] alpha,
            double signal,
            double logLikelihood,
            int n) {
        this.inverseScale = inverseScale;
        this.lower = lower;
        this.alpha = alpha;
        this.signal = signal;
        this.logLikelihood = logLikelihood;
        this.n = n;
    }

    /**
     * The factor for rows {@code x}, standardized targets {@code z}; null when R is not positive
     * definite.
     */
    static Factor of(double[][] x, double[] z, double[] inverseScale, double nugget) {
        int n = z.length;
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                l[i * n + j] = kernel(x[i], x[j], inverseScale);
            }
            l[i * n + i] = 1 + nugget;
        }
        double logDet = 0;
        for (int j = 0; j < n; j++) {
            double s = l[j * n + j];
            for (int k = 0; k < j; k++) {
                s -= l[j * n + k] * l[j * n + k];
            }
            if (!(s > 1e-12)) {
                return null;
            }
            double d = Math.sqrt(s);
            l[j * n + j] = d;
            logDet += Math.log(d);
            for (int i = j + 1; i < n; i++) {
                double t = l[i * n + j];
                for (int k = 0; k < j; k++) {
                    t -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = t / d;
            }
        }
        double[] w = forward(l, n, z);
        double quad = 0;
        for (double v : w) {
            quad += v * v;
        }
        double[] alpha = backward(l, n, w);
        double signal = Math.max(quad / n, 1e-12);
        double ll = -0.5 * n * Math.log(signal) - logDet;
        return new Factor(inverseScale, l, alpha, signal, ll, n);
    }

    /** {@code kᵀR⁻¹k} for a correlation vector {@code k}. */
    double explained(double[] k) {
        double[] w = forward(lower, n, k);
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        return s;
    }

    /** Matérn-5/2 correlation of two rows under per-column inverse length scales. */
    static double kernel(double[] a, double[] b, double[] inverseScale) {
        double r2 = 0;
        for (int c = 0; c < inverseScale.length; c++) {
            double t = (a[c] - b[c]) * inverseScale[c];
            r2 += t * t;
        }
        double r = Math.sqrt(5 * r2);
        return (1 + r + 5 * r2 / 3) * Math.exp(-r);
    }

    private static double[] forward(double[] l, int n, double[] b) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            int row = i * n;
            for (int k = 0; k < i; k++) {
                s -= l[row + k] * w[k];
            }
            w[i] = s / l[row + i];
        }
        return w;
    }

    private static double[] backward(double[] l, int n, double[] w) {
        double[] a = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = w[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * a[k];
            }
            a[i] = s / l[i * n + i];
        }
        return a;
    }
}
