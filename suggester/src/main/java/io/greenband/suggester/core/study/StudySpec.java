package io.greenband.suggester.core.study;

import io.greenband.suggester.core.design.RandomInitialDesign;
import io.greenband.suggester.core.history.FailurePolicy;
import io.greenband.suggester.core.objective.AggregationKind;
import io.greenband.suggester.core.objective.RankingKind;
import io.greenband.suggester.core.schedule.SchedulerKind;
import io.greenband.suggester.core.space.Dimension;
import io.greenband.suggester.core.space.ParamKind;
import io.greenband.suggester.core.space.SearchSpace;
import io.greenband.suggester.core.space.VectorSpace;
import io.greenband.suggester.core.surrogate.ForestSettings;
import io.greenband.suggester.core.surrogate.SurrogateKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything that defines an optimizer, frozen. Build one with {@link #builder()} or from a preset
 * ({@code Preset.HYPERBAND_PAREGO_RF.builder()}).
 *
 * @param space the configuration space
 * @param objectives objectives in the order values are told
 * @param fidelity budget range and η
 * @param scheduler how budgets are assigned
 * @param ranking how promotions are ranked
 * @param aggregation the scalarization the surrogate learns
 * @param model true to propose configurations with the random forest, false for random sampling
 * @param budgetFeature true to train on all budgets with log(budget) as a feature
 * @param failurePolicy what the surrogate learns from failures
 * @param seed the study seed
 * @param trialsHint expected number of trials (sizes the initial design)
 * @param randomInterleave probability that a model-based suggestion is replaced by a random one
 * @param randomCandidates random configurations scored per acquisition maximization
 * @param minTrainingRows rows a budget needs before the model trains on it (0 = max(d+1, 5))
 * @param maxTrainingRows rows beyond which the training set is randomly subsampled
 * @param forest random-forest settings
 * @param initialDesign random configurations before the model proposes any; -1 = SMAC's rule from
 *     the trials hint ({@code max(1, min(10·d, 0.25·trialsHint))})
 * @param surrogate the model fitted to the training rows
 * @param latinHypercube whether the initial design is a Latin hypercube instead of uniform random
 *     configurations
 */
public record StudySpec(
        SearchSpace space,
        List<ObjectiveSpec> objectives,
        FidelitySpec fidelity,
        SchedulerKind scheduler,
        RankingKind ranking,
        AggregationKind aggregation,
        boolean model,
        boolean budgetFeature,
        FailurePolicy failurePolicy,
        long seed,
        int trialsHint,
        double randomInterleave,
        int randomCandidates,
        int minTrainingRows,
        int maxTrainingRows,
        ForestSettings forest,
        int initialDesign,
        SurrogateKind surrogate,
        boolean latinHypercube) {

    /** Defensive copy. */
    public StudySpec {
        objectives = List.copyOf(objectives);
    }

    /** A builder with every optional knob at its default. */
    public static StudySpecBuilder builder() {
        return new StudySpecBuilder();
    }

    /** {@link #initialDesign} value for SMAC's rule from the trials hint. */
    public static final int SMAC_INITIAL_DESIGN = -1;

    /**
     * {@link #initialDesign} value for a design sized by dimension and budget: {@code clamp(d + 1,
     * 3, hint/4)}.
     */
    public static final int AUTO_INITIAL_DESIGN = -2;

    /**
     * {@link #initialDesign} value for the multi-objective TPE presets' design: {@code min(hint,
     * max(10, d + 1))} (TPE's usual 10 start-up trials; with a Latin hypercube they beat random
     * points at 10 evaluations); with a categorical hyperparameter or three or more objectives and
     * a hint above that, {@code min(max(10, d + 1), max(5, hint/4))}.
     */
    public static final int SPACE_FILLING_INITIAL_DESIGN = -3;

    /** The initial design's size: {@link #initialDesign} when set, else its automatic rule. */
    public int effectiveInitialDesign() {
        if (initialDesign == SPACE_FILLING_INITIAL_DESIGN) {
            int full = Math.max(10, space.dimension() + 1);
            if (trialsHint <= full || !shortDesignMeasuredBetter()) {
                return Math.min(trialsHint, full);
            }
            // A budget above the design: at most a quarter of it, at least 5 configurations.
            return Math.min(full, Math.max(5, trialsHint / 4));
        }
        if (initialDesign == AUTO_INITIAL_DESIGN) {
            return Math.max(3, Math.min(space.dimension() + 1, trialsHint / 4));
        }
        return initialDesign >= 0
                ? initialDesign
                : RandomInitialDesign.sizeFor(space.dimension(), trialsHint);
    }

    /**
     * True for a space with a categorical hyperparameter or a study of three or more objectives:
     * there a design of a quarter of the budget measured better (multi-objective TPE, 20
     * evaluations: DTLZ2 0.735 -> 0.647, `mixed` 0.259 -> 0.197), on continuous two-objective
     * spaces worse (`bowls` 0.090 -> 0.157 with the process, 0.108 -> 0.172 with TPE alone).
     */
    private boolean shortDesignMeasuredBetter() {
        if (objectives.size() > 2) {
            return true;
        }
        for (int i = 0; i < space.dimension(); i++) {
            if (space.kind(i) == ParamKind.CATEGORICAL) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rows the model needs on a budget: {@link #minTrainingRows} or, when 0, {@code max(d + 1, 5)};
     * when -1, {@code max(3, d/2)} (a forest fits on few rows, and a small budget cannot wait for d
     * + 1 of them).
     */
    public int effectiveMinTrainingRows() {
        if (minTrainingRows < 0) {
            return Math.max(3, space.dimension() / 2);
        }
        return minTrainingRows > 0 ? minTrainingRows : Math.max(space.dimension() + 1, 5);
    }

    /**
     * A stable digest of the settings and the space's hyperparameters (names, kinds, ranges,
     * choices, weights, defaults, priors; conditions and clauses are not included); a snapshot only
     * restores into a spec with the same fingerprint.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder("greenband-suggester/1;");
        for (int i = 0; i < space.dimension(); i++) {
            sb.append(space.names().get(i))
                    .append(':')
                    .append(space.kind(i))
                    .append(':')
                    .append(space.cardinality(i));
            if (space instanceof VectorSpace vs) {
                Dimension d = vs.dimensionAt(i);
                sb.append(':')
                        .append(d.lower())
                        .append(':')
                        .append(d.upper())
                        .append(':')
                        .append(d.log())
                        .append(':')
                        .append(d.values())
                        .append(':')
                        .append(Arrays.toString(d.weights()))
                        .append(':')
                        .append(d.defaultVector())
                        .append(':')
                        .append(d.prior());
            }
            sb.append(',');
        }
        for (ObjectiveSpec o : objectives) {
            sb.append(o.name()).append(':').append(o.direction()).append(',');
        }
        sb.append(fidelity)
                .append(scheduler)
                .append(ranking)
                .append(aggregation)
                .append(model)
                .append(budgetFeature)
                .append(failurePolicy)
                .append(seed)
                .append(';')
                .append(trialsHint)
                .append(';')
                .append(randomInterleave)
                .append(';')
                .append(randomCandidates)
                .append(';')
                .append(minTrainingRows)
                .append(';')
                .append(maxTrainingRows)
                .append(forest);
        if (initialDesign >= 0) {
            // Only an explicit design counts, so specs from before the setting keep their
            // fingerprint.
            sb.append(";init=").append(initialDesign);
        }
        if (surrogate != SurrogateKind.FOREST) {
            // The forest is the old default: specs from before the setting keep their fingerprint.
            sb.append(";surrogate=").append(surrogate);
        }
        if (latinHypercube) {
            // Uniform random is the old design: specs from before the setting keep their
            // fingerprint.
            sb.append(";design=lhs");
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
