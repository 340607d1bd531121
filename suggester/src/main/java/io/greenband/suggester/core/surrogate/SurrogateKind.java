package io.greenband.suggester.core.surrogate;

/** Which model a model-based study fits to its training rows. */
public enum SurrogateKind {
    /** SMAC's random forest, whatever the data. */
    FOREST,
    /**
     * A Gaussian process ({@link GaussianProcess}) while the training set has {@link #GP_MIN_ROWS} to {@link
     * #GP_MAX_ROWS} rows and the space is continuous (no categorical, no inactive hyperparameter), the random forest
     * otherwise: a process is the better model of a smooth response from few rows, and
     * its cubic fit and quadratic prediction cost would break the ask() latency target on long histories.
     */
    GP_THEN_FOREST;

    /**
     * Training rows from which {@link #GP_THEN_FOREST} fits a Gaussian process: on fewer the process's
     * length scales are guesses and it exploited too early (at 10 full-budget evaluations it measured worse
     * than the forest).
     */
    public static final int GP_MIN_ROWS = 10;
    /** Training rows up to which {@link #GP_THEN_FOREST} fits a Gaussian process. */
    public static final int GP_MAX_ROWS = 200;

    /** True when a training set of {@code rows} rows is fitted with a Gaussian process. */
    public boolean usesGaussianProcess(int rows) {
        return this == GP_THEN_FOREST && rows >= GP_MIN_ROWS && rows <= GP_MAX_ROWS;
    }
}
