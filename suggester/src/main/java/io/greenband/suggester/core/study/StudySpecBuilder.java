package io.greenband.suggester.core.study;

import io.greenband.suggester.core.acquisition.maximize.LocalAndSortedRandomSearch;
import io.greenband.suggester.core.history.FailurePolicy;
import io.greenband.suggester.core.objective.AggregationKind;
import io.greenband.suggester.core.objective.RankingKind;
import io.greenband.suggester.core.schedule.SchedulerKind;
import io.greenband.suggester.core.space.SearchSpace;
import io.greenband.suggester.core.surrogate.ForestSettings;
import io.greenband.suggester.core.surrogate.SurrogateKind;
import java.util.List;

/** Builds a {@link StudySpec}: {@code setX} for required values, {@code optX} for optional ones. */
public final class StudySpecBuilder {

    /** SMAC's default number of trials, used to size the initial design when no hint is given. */
    public static final int DEFAULT_TRIALS_HINT = 100;

    /** SMAC's probability of a random configuration among model-based ones. */
    public static final double DEFAULT_RANDOM_INTERLEAVE = 0.2;

    /** Training rows beyond which the surrogate subsamples (keeps ask fast at 10k observations). */
    public static final int DEFAULT_MAX_TRAINING_ROWS = 5_000;

    private SearchSpace space;
    private List<ObjectiveSpec> objectives;
    private FidelitySpec fidelity = FidelitySpec.none();
    private SchedulerKind scheduler = SchedulerKind.HYPERBAND;
    private RankingKind ranking = RankingKind.NSGA2;
    private AggregationKind aggregation = AggregationKind.PAREGO;
    private boolean model = true;
    private boolean budgetFeature;
    private FailurePolicy failurePolicy = FailurePolicy.WORST_OBSERVED;
    private long seed;
    private int trialsHint = DEFAULT_TRIALS_HINT;
    private double randomInterleave = DEFAULT_RANDOM_INTERLEAVE;
    private int randomCandidates = LocalAndSortedRandomSearch.DEFAULT_RANDOM;
    private int minTrainingRows;
    private int maxTrainingRows = DEFAULT_MAX_TRAINING_ROWS;
    private ForestSettings forest = ForestSettings.smac();
    private int initialDesign = -1;
    private SurrogateKind surrogate = SurrogateKind.FOREST;
    private boolean latinHypercube;

    StudySpecBuilder() {}

    /** Required: the configuration space. */
    public StudySpecBuilder setSpace(SearchSpace value) {
        this.space = value;
        return this;
    }

    /** Required: the objectives, in the order values are told. */
    public StudySpecBuilder setObjectives(List<ObjectiveSpec> value) {
        this.objectives = value;
        return this;
    }

    /** The fidelity range (default: single fidelity). */
    public StudySpecBuilder optFidelity(FidelitySpec value) {
        this.fidelity = value;
        return this;
    }

    /** The scheduler (default Hyperband). */
    public StudySpecBuilder optScheduler(SchedulerKind value) {
        this.scheduler = value;
        return this;
    }

    /** The promotion ranking (default NSGA-II style). */
    public StudySpecBuilder optRanking(RankingKind value) {
        this.ranking = value;
        return this;
    }

    /** The scalarization the surrogate learns (default ParEGO). */
    public StudySpecBuilder optAggregation(AggregationKind value) {
        this.aggregation = value;
        return this;
    }

    /** Whether the random-forest model proposes configurations (default true). */
    public StudySpecBuilder optModel(boolean value) {
        this.model = value;
        return this;
    }

    /** Whether the model trains on all budgets with log(budget) as a feature (default false). */
    public StudySpecBuilder optBudgetFeature(boolean value) {
        this.budgetFeature = value;
        return this;
    }

    /** What the model learns from failures (default worst observed). */
    public StudySpecBuilder optFailurePolicy(FailurePolicy value) {
        this.failurePolicy = value;
        return this;
    }

    /** The study seed (default 0). */
    public StudySpecBuilder optSeed(long value) {
        this.seed = value;
        return this;
    }

    /**
     * Expected number of trials, which sizes the initial design (default {@link
     * #DEFAULT_TRIALS_HINT}).
     */
    public StudySpecBuilder optTrialsHint(int value) {
        this.trialsHint = value;
        return this;
    }

    /** Random interleave probability (default {@link #DEFAULT_RANDOM_INTERLEAVE}). */
    public StudySpecBuilder optRandomInterleave(double value) {
        this.randomInterleave = value;
        return this;
    }

    /**
     * Random configurations scored per maximization (default {@link
     * LocalAndSortedRandomSearch#DEFAULT_RANDOM}).
     */
    public StudySpecBuilder optRandomCandidates(int value) {
        this.randomCandidates = value;
        return this;
    }

    /**
     * Rows a budget needs before the model trains on it (default 0 = max(d+1, 5), -1 = max(3, d/2);
     * SMAC uses 1).
     */
    public StudySpecBuilder optMinTrainingRows(int value) {
        this.minTrainingRows = value;
        return this;
    }

    /**
     * Training rows beyond which the set is subsampled (default {@link
     * #DEFAULT_MAX_TRAINING_ROWS}).
     */
    public StudySpecBuilder optMaxTrainingRows(int value) {
        this.maxTrainingRows = value;
        return this;
    }

    /** Random-forest settings (default {@link ForestSettings#smac()}). */
    public StudySpecBuilder optForest(ForestSettings value) {
        this.forest = value;
        return this;
    }

    /**
     * Random configurations handed out before the model proposes any (default {@link
     * StudySpec#SMAC_INITIAL_DESIGN}: {@code max(1, min(10·d, 0.25·trialsHint))}; {@link
     * StudySpec#AUTO_INITIAL_DESIGN}: by dimension and budget). 0 is allowed: the model then starts
     * as soon as it has enough rows.
     */
    public StudySpecBuilder optInitialDesign(int value) {
        this.initialDesign = value;
        return this;
    }

    /** The model fitted to the training rows (default {@link SurrogateKind#FOREST}). */
    public StudySpecBuilder optSurrogate(SurrogateKind value) {
        this.surrogate = value;
        return this;
    }

    /**
     * Whether the initial design is a Latin hypercube (default false: uniform random
     * configurations).
     */
    public StudySpecBuilder optLatinHypercube(boolean value) {
        this.latinHypercube = value;
        return this;
    }

    /** The spec; throws IllegalArgumentException naming the first bad field. */
    public StudySpec build() {
        require(space != null, "space", "call setSpace");
        require(
                objectives != null && !objectives.isEmpty(),
                "objectives",
                "call setObjectives with at least one");
        require(
                objectives.stream().map(ObjectiveSpec::name).distinct().count()
                        == objectives.size(),
                "objectives",
                "names must be unique");
        require(fidelity != null, "fidelity", "must not be null");
        require(
                scheduler != null
                        && ranking != null
                        && aggregation != null
                        && failurePolicy != null
                        && forest != null
                        && surrogate != null,
                "scheduler/ranking/aggregation/failurePolicy/forest",
                "must not be null");
        require(trialsHint >= 1, "trialsHint", "must be >= 1, was " + trialsHint);
        require(
                randomInterleave >= 0 && randomInterleave <= 1,
                "randomInterleave",
                "must be in [0,1], was " + randomInterleave);
        require(randomCandidates >= 1, "randomCandidates", "must be >= 1, was " + randomCandidates);
        require(
                minTrainingRows >= -1,
                "minTrainingRows",
                "must be >= 0 (0 = automatic, -1 = max(3, d/2)), was " + minTrainingRows);
        require(
                initialDesign >= StudySpec.SPACE_FILLING_INITIAL_DESIGN,
                "initialDesign",
                "must be >= 0 (-1 = SMAC's rule, -2 = by dimension and budget, -3 = the Latin hypercube's rule), was "
                        + initialDesign);
        require(maxTrainingRows >= 2, "maxTrainingRows", "must be >= 2, was " + maxTrainingRows);
        return new StudySpec(
                space,
                objectives,
                fidelity,
                scheduler,
                ranking,
                aggregation,
                model,
                budgetFeature,
                failurePolicy,
                seed,
                trialsHint,
                randomInterleave,
                randomCandidates,
                minTrainingRows,
                maxTrainingRows,
                forest,
                initialDesign,
                surrogate,
                latinHypercube);
    }

    private static void require(boolean ok, String field, String fix) {
        if (!ok) {
            throw new IllegalArgumentException("study spec field '" + field + "': " + fix);
        }
    }
}
