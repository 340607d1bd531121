package io.greenband.suggester.core.preset;

import io.greenband.events.payload.Fidelity;
import io.greenband.events.payload.Objective;
import io.greenband.events.payload.Scheduler;
import io.greenband.events.payload.StudyDefined;
import io.greenband.suggester.core.objective.Direction;
import io.greenband.suggester.core.objective.RankingKind;
import io.greenband.suggester.core.space.ConfigSpaces;
import io.greenband.suggester.core.study.FidelitySpec;
import io.greenband.suggester.core.study.ObjectiveSpec;
import io.greenband.suggester.core.study.StudySpec;
import io.greenband.suggester.core.study.StudySpecBuilder;
import java.util.List;

/**
 * Builds the optimizer's spec from a study definition event: {@code scheduler.preset}, or else the
 * scheduler kind and surrogate switch, pick the preset ({@code hyperband} → hyperband-parego-rf or
 * hyperband-random, {@code asha} → asha-nsga2-rf, {@code random} → random at the maximum budget),
 * and the definition's ranking, random fraction, surrogate training budgets, initial design, seed,
 * objectives, fidelity and trial budget are applied on top.
 */
public final class StudyDefinitions {

    private StudyDefinitions() {}

    /**
     * The preset a definition selects: {@code scheduler.preset} when given, else from kind and
     * surrogate.
     */
    public static Preset presetOf(StudyDefined study) {
        Scheduler s = study.scheduler();
        if (s.preset() != null) {
            return Preset.byName(s.preset());
        }
        return switch (s.kind()) {
            case HYPERBAND -> s.surrogate() ? Preset.HYPERBAND_PAREGO_RF : Preset.HYPERBAND_RANDOM;
            case ASHA -> Preset.ASHA_NSGA2_RF;
            case RANDOM -> Preset.RANDOM;
        };
    }

    /** A builder holding everything the definition says; callers may still override knobs. */
    public static StudySpecBuilder builder(StudyDefined study) {
        Scheduler s = study.scheduler();
        Fidelity f = study.fidelity();
        boolean integral = f.knob() != Fidelity.Knob.DATA_FRACTION;
        Preset preset = presetOf(study);
        FidelitySpec fidelity =
                s.kind() == Scheduler.Kind.RANDOM || preset.fullBudgetOnly()
                        ? new FidelitySpec(f.max(), f.max(), f.eta(), integral)
                        : new FidelitySpec(f.min(), f.max(), f.eta(), integral);
        List<ObjectiveSpec> objectives =
                study.objectives().stream().map(StudyDefinitions::objective).toList();
        Integer maxTrials = study.budget() == null ? null : study.budget().maxTrials();
        if (preset.fullBudgetOnly()
                && study.budget() != null
                && study.budget().totalFidelityBudget() != null) {
            // Every trial runs at the maximum fidelity, so the fidelity budget caps the trial count
            // too.
            int byFidelity =
                    (int) Math.max(1, Math.floor(study.budget().totalFidelityBudget() / f.max()));
            maxTrials = maxTrials == null ? byFidelity : Math.min(maxTrials, byFidelity);
        }
        StudySpecBuilder b =
                preset.builder()
                        .setSpace(ConfigSpaces.of(study.configSpace()))
                        .setObjectives(objectives)
                        .optFidelity(fidelity)
                        .optSeed(study.seed())
                        .optRanking(ranking(s.ranking()))
                        .optRandomInterleave(s.randomFraction());
        if (maxTrials != null) {
            b.optTrialsHint(maxTrials);
        }
        if (s.preset() == null && s.kind() == Scheduler.Kind.ASHA && !s.surrogate()) {
            b.optModel(false);
        }
        if (s.surrogate()) {
            b.optBudgetFeature(s.surrogateLearnsAllBudgets());
        }
        if (s.initialDesign() != null) {
            b.optInitialDesign(s.initialDesign());
        }
        return b;
    }

    /** The spec of a definition. */
    public static StudySpec spec(StudyDefined study) {
        return builder(study).build();
    }

    private static ObjectiveSpec objective(Objective o) {
        return new ObjectiveSpec(
                o.name(),
                o.direction() == io.greenband.events.payload.Direction.MAXIMIZE
                        ? Direction.MAXIMIZE
                        : Direction.MINIMIZE);
    }

    private static RankingKind ranking(Scheduler.Ranking r) {
        return switch (r) {
            case PAREGO -> RankingKind.PAREGO;
            case NSGA2 -> RankingKind.NSGA2;
            case EPSNET -> RankingKind.EPSNET;
        };
    }
}
