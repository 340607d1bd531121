package io.greenband.suggester.core.study;

import io.greenband.suggester.core.design.InitialDesign;
import io.greenband.suggester.core.design.LatinHypercubeDesign;
import io.greenband.suggester.core.design.RandomInitialDesign;
import io.greenband.suggester.core.history.HistoryView;
import io.greenband.suggester.core.history.Origin;
import io.greenband.suggester.core.history.TrialRecord;
import io.greenband.suggester.core.objective.Aggregation;
import io.greenband.suggester.core.random.SeedStream;
import io.greenband.suggester.core.schedule.BracketPlan;
import io.greenband.suggester.core.surrogate.SurrogateKind;
import io.greenband.suggester.core.tpe.MotpeProposer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses each new configuration: the initial design first, then (with a model) a random
 * configuration with the interleave probability or the model's proposal under a freshly drawn
 * weight vector that differs from those of all pending suggestions; random sampling when the model
 * is off or lacks data.
 */
final class ConfigSelector {

    /**
     * Random draws tried to find a configuration not proposed before (SMAC's max_new_config_tries).
     */
    static final int MAX_NEW_CONFIG_TRIES = 16;

    private static final int WEIGHT_REDRAWS = 16;

    /**
     * Derivation purpose of the Latin hypercube's seed (the model proposer uses 1 and 2, the
     * optimizer 3).
     */
    private static final long DESIGN_PURPOSE = 4;

    /** A chosen configuration with its provenance. */
    record Choice(double[] vector, Origin origin, double[] weights) {}

    private final StudySpec spec;
    private final HistoryView history;
    private final InitialDesign design;
    private final Aggregation aggregation;
    private final ModelProposer model;
    private final MotpeProposer tpe;

    ConfigSelector(StudySpec spec, BracketPlan plan, HistoryView history, SeedStream seeds) {
        this.spec = spec;
        this.history = history;
        this.design =
                spec.latinHypercube()
                        ? new LatinHypercubeDesign(
                                spec.space(),
                                spec.effectiveInitialDesign(),
                                seeds.derive(DESIGN_PURPOSE, 0).nextLong())
                        : RandomInitialDesign.ofSize(spec.space(), spec.effectiveInitialDesign());
        this.aggregation = spec.aggregation().create();
        this.model =
                spec.model() ? new ModelProposer(spec, plan, history, seeds, aggregation) : null;
        this.tpe =
                spec.model() && spec.surrogate().usesTpe()
                        ? new MotpeProposer(spec.space(), history, spec.effectiveMinTrainingRows())
                        : null;
    }

    /** Size of the initial design. */
    /** The model's latest parameter importances, empty without a model or before its first fit. */
    java.util.Optional<ParameterImportances> importances() {
        return java.util.Optional.ofNullable(model == null ? null : model.importances());
    }

    int initialDesignSize() {
        return design.size();
    }

    /**
     * The next configuration; {@code initialUsed} counts design configurations handed out so far.
     */
    Choice next(SplittableRandom rng, int initialUsed) {
        if (initialUsed < design.size()) {
            double[] v = design.config(initialUsed, rng);
            for (int i = 1; i < MAX_NEW_CONFIG_TRIES && history.contains(v); i++) {
                // Same draws as before for the random design; a repeated hypercube point is
                // replaced.
                v = spec.space().sampleUniform(rng);
            }
            return new Choice(v, Origin.INITIAL_DESIGN, null);
        }
        if (model == null) {
            return new Choice(randomNew(rng), Origin.RANDOM, null);
        }
        if (tpe != null
                && (spec.surrogate() == SurrogateKind.TPE || !model.gaussianProcessApplies())) {
            // No random interleave: the densities' prior kernel already keeps some draws anywhere.
            double[] v = tpe.propose(rng);
            return v == null
                    ? new Choice(randomNew(rng), Origin.RANDOM, null)
                    : new Choice(v, Origin.MODEL, null);
        }
        if (rng.nextDouble() < spec.randomInterleave()) {
            return new Choice(randomNew(rng), Origin.RANDOM_INTERLEAVE, null);
        }
        double[] weights = weights(rng);
        double[] proposed = model.propose(weights, rng);
        if (proposed == null) {
            return new Choice(randomNew(rng), Origin.RANDOM, null);
        }
        return new Choice(proposed, Origin.MODEL, weights);
    }

    private double[] weights(SplittableRandom rng) {
        int m = history.objectives();
        double[] w = aggregation.weights(m, rng);
        if (!aggregation.drawsWeights()) {
            return w;
        }
        for (int attempt = 0; attempt < WEIGHT_REDRAWS && inUse(w); attempt++) {
            w = aggregation.weights(m, rng);
        }
        return w;
    }

    /** True when a pending suggestion was made under the same weight vector. */
    private boolean inUse(double[] w) {
        for (TrialRecord t : history.pending()) {
            double[] other = history.config(t.configId()).weights();
            if (other != null && Arrays.equals(other, w)) {
                return true;
            }
        }
        return false;
    }

    private double[] randomNew(SplittableRandom rng) {
        double[] v = spec.space().sample(rng);
        for (int i = 1; i < MAX_NEW_CONFIG_TRIES && history.contains(v); i++) {
            v = spec.space().sample(rng);
        }
        return v;
    }
}
