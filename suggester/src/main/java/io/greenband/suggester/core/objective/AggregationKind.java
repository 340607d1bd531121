package io.greenband.suggester.core.objective;

/** The scalarizations a study can train its surrogate on. */
public enum AggregationKind {
    /** ParEGO, SMAC's weight draw (U(0,1) entries normalized). */
    PAREGO,
    /** ParEGO with weights uniform on the simplex (Dirichlet(1)). */
    PAREGO_DIRICHLET,
    /** SMAC's default: the plain mean of normalized objectives. */
    MEAN;

    /** An aggregation of this kind. */
    public Aggregation create() {
        return switch (this) {
            case PAREGO -> ParEgo.smac();
            case PAREGO_DIRICHLET -> new ParEgo(ParEgo.DEFAULT_RHO, ParEgo.WeightDraw.DIRICHLET);
            case MEAN -> new MeanAggregation();
        };
    }
}
