package io.greenband.events.space;

/** Parameter checks and defaults of the normal and beta hyperparameters. */
final class Distribution {

    private Distribution() {}

    static void checkNormal(String name, double mu, double sigma) {
        if (!Double.isFinite(mu) || !(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException(
                    name + ": mu must be finite and sigma > 0, got mu " + mu + ", sigma " + sigma);
        }
    }

    static void checkBeta(String name, double alpha, double beta) {
        if (!(alpha > 0) || !(beta > 0) || !Double.isFinite(alpha) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException(
                    name + ": alpha and beta must be > 0, got " + alpha + " and " + beta);
        }
    }

    /** mu (e^mu on a log scale), clipped to the bounds. */
    static double normalDefault(double mu, double lower, double upper, boolean log) {
        double x = log ? Math.exp(mu) : mu;
        return Math.min(upper, Math.max(lower, x));
    }

    /** The mode of Beta(alpha, beta) on [0, 1] when it is interior, else the midpoint. */
    static double betaMode(double alpha, double beta) {
        return alpha > 1 && beta > 1 ? (alpha - 1) / (alpha + beta - 2) : 0.5;
    }
}
