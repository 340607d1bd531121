package io.greenband.suggester.core.preset;

import io.greenband.suggester.core.objective.AggregationKind;
import io.greenband.suggester.core.objective.RankingKind;
import io.greenband.suggester.core.schedule.SchedulerKind;
import io.greenband.suggester.core.study.StudySpec;
import io.greenband.suggester.core.study.StudySpecBuilder;
import io.greenband.suggester.core.surrogate.SurrogateKind;
import java.util.Arrays;

/**
 * Named optimizer presets. Each returns a builder with its knobs set; the caller adds the space,
 * objectives, fidelity and seed, and may still override any knob.
 */
public enum Preset {
    /**
     * SMAC's multi-fidelity facade with ParEGO: synchronous Hyperband, random-forest surrogate,
     * log-EI, 20% random interleave, promotion by non-dominated sorting + crowding. Unlike SMAC,
     * the forest learns from every budget with log(budget) as a feature (SMAC keeps only the
     * highest budget with enough rows; {@code optBudgetFeature(false)} restores that), which the
     * suggester benchmark found better on the problems whose low fidelities mislead.
     */
    HYPERBAND_PAREGO_RF("hyperband-parego-rf"),
    /**
     * Asynchronous promotion ranked by non-dominated sorting + crowding; the forest learns from all
     * budgets with log(budget) as a feature, ParEGO weights uniform on the simplex.
     */
    ASHA_NSGA2_RF("asha-nsga2-rf"),
    /**
     * Bayesian optimization at the maximum budget only: every trial at full fidelity, random-forest
     * surrogate, ParEGO weights uniform on the simplex, log-EI, an initial design sized by
     * dimension and budget ({@link StudySpec#AUTO_INITIAL_DESIGN}) and the model from {@code max(3,
     * d/2)} results on. Cheap fidelities cannot mislead it, and at 10-100 full-budget evaluations
     * it is not starved of full-budget results.
     */
    FULL_PAREGO_RF("full-parego-rf"),
    /**
     * {@link #FULL_PAREGO_RF} with a Gaussian process instead of the forest on continuous spaces
     * while the training set has 10 to 200 rows ({@link SurrogateKind#GP_THEN_FOREST}): the process
     * models a smooth response from few rows far better than piecewise-constant trees; on fewer
     * rows, past 200 and on spaces with categorical or conditional hyperparameters the forest runs
     * as in {@link #FULL_PAREGO_RF}.
     */
    FULL_PAREGO_GP("full-parego-gp"),
    /**
     * Every trial at the maximum budget, proposals by multi-objective TPE ({@link
     * SurrogateKind#TPE}, no random interleave) after a Latin hypercube initial design of {@code
     * max(10, d + 1)} configurations, a quarter of a larger budget on categorical or
     * three-objective studies ({@link StudySpec#SPACE_FILLING_INITIAL_DESIGN}).
     */
    FULL_MOTPE("full-motpe"),
    /**
     * {@link #FULL_MOTPE} with the Gaussian process + ParEGO of {@link #FULL_PAREGO_GP} where that
     * measured better ({@link SurrogateKind#GP_THEN_TPE}): continuous spaces, two objectives, 10 to
     * 200 results. The default: it measures best at 10-100 full-budget evaluations.
     */
    FULL_GP_MOTPE("full-gp-motpe"),
    /** Hyperband with random sampling (no model): the classic baseline. */
    HYPERBAND_RANDOM("hyperband-random"),
    /** Random search at the maximum budget. */
    RANDOM("random");

    private final String id;

    Preset(String id) {
        this.id = id;
    }

    /** The preset's name as written in study files. */
    public String id() {
        return id;
    }

    /** The preset named {@code name}; throws IllegalArgumentException listing the known names. */
    public static Preset byName(String name) {
        for (Preset p : values()) {
            if (p.id.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown preset '"
                        + name
                        + "'; known presets: "
                        + Arrays.stream(values()).map(Preset::id).toList());
    }

    /**
     * Whether every trial runs at the maximum budget (so a study of B full-budget evaluations has B
     * trials).
     */
    public boolean fullBudgetOnly() {
        return this == FULL_PAREGO_RF
                || this == FULL_PAREGO_GP
                || this == FULL_MOTPE
                || this == FULL_GP_MOTPE
                || this == RANDOM;
    }

    /** A builder with this preset's knobs. */
    public StudySpecBuilder builder() {
        StudySpecBuilder b = StudySpec.builder();
        return switch (this) {
            case HYPERBAND_PAREGO_RF ->
                    b.optScheduler(SchedulerKind.HYPERBAND)
                            .optRanking(RankingKind.NSGA2)
                            .optAggregation(AggregationKind.PAREGO)
                            .optModel(true)
                            .optBudgetFeature(true);
            case ASHA_NSGA2_RF ->
                    b.optScheduler(SchedulerKind.ASHA)
                            .optRanking(RankingKind.NSGA2)
                            .optAggregation(AggregationKind.PAREGO_DIRICHLET)
                            .optModel(true)
                            .optBudgetFeature(true);
            case FULL_PAREGO_RF ->
                    b.optScheduler(SchedulerKind.FULL_BUDGET)
                            .optRanking(RankingKind.NSGA2)
                            .optAggregation(AggregationKind.PAREGO_DIRICHLET)
                            .optModel(true)
                            .optInitialDesign(StudySpec.AUTO_INITIAL_DESIGN)
                            .optMinTrainingRows(-1);
            case FULL_PAREGO_GP ->
                    b.optScheduler(SchedulerKind.FULL_BUDGET)
                            .optRanking(RankingKind.NSGA2)
                            .optAggregation(AggregationKind.PAREGO_DIRICHLET)
                            .optModel(true)
                            .optInitialDesign(StudySpec.AUTO_INITIAL_DESIGN)
                            .optMinTrainingRows(-1)
                            .optSurrogate(SurrogateKind.GP_THEN_FOREST);
            case FULL_MOTPE ->
                    b.optScheduler(SchedulerKind.FULL_BUDGET)
                            .optRanking(RankingKind.NSGA2)
                            .optAggregation(AggregationKind.PAREGO_DIRICHLET)
                            .optModel(true)
                            .optInitialDesign(StudySpec.SPACE_FILLING_INITIAL_DESIGN)
                            .optMinTrainingRows(-1)
                            .optSurrogate(SurrogateKind.TPE)
                            .optLatinHypercube(true);
            case FULL_GP_MOTPE ->
                    b.optScheduler(SchedulerKind.FULL_BUDGET)
                            .optRanking(RankingKind.NSGA2)
                            .optAggregation(AggregationKind.PAREGO_DIRICHLET)
                            .optModel(true)
                            .optInitialDesign(StudySpec.SPACE_FILLING_INITIAL_DESIGN)
                            .optMinTrainingRows(-1)
                            .optSurrogate(SurrogateKind.GP_THEN_TPE)
                            .optLatinHypercube(true);
            case HYPERBAND_RANDOM ->
                    b.optScheduler(SchedulerKind.HYPERBAND)
                            .optRanking(RankingKind.NSGA2)
                            .optModel(false);
            case RANDOM -> b.optScheduler(SchedulerKind.FULL_BUDGET).optModel(false);
        };
    }
}
