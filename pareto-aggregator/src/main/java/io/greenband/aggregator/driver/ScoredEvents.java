package io.greenband.aggregator.driver;

import io.greenband.aggregator.core.emissions.CarbonIntensity;
import io.greenband.aggregator.core.emissions.Emissions;
import io.greenband.aggregator.core.objective.EnergyFigures;
import io.greenband.aggregator.core.objective.ObjectiveValue;
import io.greenband.aggregator.core.objective.ScoredTrial;
import io.greenband.aggregator.core.study.TrialResult;
import io.greenband.events.payload.Direction;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps a core {@link TrialResult} to the {@code trial-scored} payload. */
public final class ScoredEvents {

    private ScoredEvents() {}

    /**
     * The event of one result.
     *
     * @param result what scoring returned
     * @param fingerprint the study definition's fingerprint
     * @param intensity the study's intensity, reported when the trial has no energy
     */
    public static TrialScored toEvent(
            String studyId, TrialResult result, String fingerprint, CarbonIntensity intensity) {
        ScoredTrial s = result.scored();
        List<TrialScored.ObjectiveValue> values = new ArrayList<>();
        for (ObjectiveValue v : s.values()) {
            Direction d = Direction.valueOf(v.direction().name());
            values.add(
                    v.value().isPresent()
                            ? TrialScored.ObjectiveValue.of(
                                    v.name(), d, v.value().getAsDouble(), null)
                            : TrialScored.ObjectiveValue.absent(v.name(), d, null));
        }
        TrialScored.EnergyBreakdown energy =
                s.energy()
                        .map(ScoredEvents::energy)
                        .orElse(new TrialScored.EnergyBreakdown(0, 0, 0, 0, false, Map.of()));
        TrialScored.Emissions emissions =
                s.energy()
                        .map(e -> emissions(e.emissions()))
                        .orElse(
                                new TrialScored.Emissions(
                                        0, 0, intensity.gramsPerKwh(), 1.0, source(intensity)));
        TrialStatus status =
                s.status() == ScoredTrial.Status.SCORED
                        ? TrialStatus.SUCCEEDED
                        : TrialStatus.FAILED;
        return new TrialScored(
                studyId,
                s.key().trialId(),
                s.key().attempt(),
                null,
                s.fidelity(),
                status,
                values,
                energy,
                emissions,
                result.onTopFront(),
                result.onTopFront() ? 0 : null,
                s.revision(),
                fingerprint,
                s.scoredAt());
    }

    private static TrialScored.EnergyBreakdown energy(EnergyFigures e) {
        return new TrialScored.EnergyBreakdown(
                e.trainJoules(),
                e.inferenceJoules().orElse(0),
                0,
                e.windowJoules(),
                e.estimated(),
                e.byComponent(),
                e.otherJoules(),
                e.basis(),
                e.partial());
    }

    private static TrialScored.Emissions emissions(Emissions e) {
        return new TrialScored.Emissions(
                e.gramsCo2eq(),
                e.itKwh(),
                e.intensity().gramsPerKwh(),
                e.pue(),
                source(e.intensity()));
    }

    /** {@code fixed}, {@code region:<ISO3>} or {@code world-default}. */
    public static String source(CarbonIntensity i) {
        return switch (i.source()) {
            case STUDY_FIXED -> "fixed";
            case COUNTRY_TABLE -> "region:" + i.zone();
            case WORLD_DEFAULT -> "world-default";
        };
    }
}
