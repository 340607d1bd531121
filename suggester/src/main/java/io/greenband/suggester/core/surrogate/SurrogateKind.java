package io.greenband.suggester.core.surrogate;

/** Which model a model-based study fits to its training rows. */
public enum SurrogateKind {
    /** SMAC's random forest, whatever the data. */
    FOREST,
    /**
     * A Gaussian process ({@link GaussianProcess}) while the training set has {@link #GP_MIN_ROWS}
     * to {@link #GP_MAX_ROWS} rows and the space is continuous (no categorical, no inactive
     * hyperparameter), the random forest otherwise: a process is the better model of a smooth
     * response from few rows, and its cubic fit and quadratic prediction cost would break the ask()
     * latency target on long histories.
     */
    GP_THEN_FOREST,
    /**
     * No fitted model: multi-objective TPE ({@code core.tpe.MotpeProposer}) proposes every
     * model-based configuration, on any space, from the first {@code minTrainingRows} results on.
     */
    TPE,
    /**
     * A Gaussian process where {@link #GP_THEN_FOREST} fits one (continuous space, {@link
     * #GP_MIN_ROWS} to {@link #GP_MAX_ROWS} rows) and the study has at most two objectives,
     * multi-objective TPE everywhere else (fewer or more rows, categorical or conditional spaces,
     * three or more objectives) instead of the forest.
     */
    GP_THEN_TPE;

    /**
     * Training rows from which {@link #GP_THEN_FOREST} fits a Gaussian process: on fewer the
     * process's length scales are guesses and it exploited too early (at 10 full-budget evaluations
     * it measured worse than the forest).
     */
    public static final int GP_MIN_ROWS = 10;

    /** Training rows up to which {@link #GP_THEN_FOREST} fits a Gaussian process. */
    public static final int GP_MAX_ROWS = 200;

    /**
     * True when configurations the Gaussian process does not model are proposed by multi-objective
     * TPE.
     */
    public boolean usesTpe() {
        return this == TPE || this == GP_THEN_TPE;
    }

    /** True when a training set of {@code rows} rows is fitted with a Gaussian process. */
    public boolean usesGaussianProcess(int rows) {
        return (this == GP_THEN_FOREST || this == GP_THEN_TPE)
                && rows >= GP_MIN_ROWS
                && rows <= GP_MAX_ROWS;
    }
}
