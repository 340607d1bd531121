package io.greenband.cli.front;

import io.greenband.events.payload.Direction;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds trial-scored events for tests. */
public final class Scores {

    private Scores() {}

    /** A succeeded trial with (val_error, emissions_g). */
    public static TrialScored scored(
            String studyId,
            String trialId,
            double fidelity,
            double error,
            double grams,
            int revision) {
        return new TrialScored(
                studyId,
                trialId,
                1,
                "c-" + trialId,
                fidelity,
                TrialStatus.SUCCEEDED,
                List.of(
                        TrialScored.ObjectiveValue.of("val_error", Direction.MINIMIZE, error, null),
                        TrialScored.ObjectiveValue.of(
                                "emissions_g", Direction.MINIMIZE, grams, "g")),
                new TrialScored.EnergyBreakdown(
                        grams * 100,
                        1,
                        0,
                        grams * 100 + 1,
                        true,
                        Map.of("cpu-package", grams * 100)),
                new TrialScored.Emissions(grams, grams / 475, 475, 1, "fixed"),
                false,
                null,
                revision,
                null,
                Instant.parse("2026-01-01T00:00:00Z")
                        .plusSeconds((long) (fidelity * 100 + error * 10)));
    }

    /** A failed trial. */
    public static TrialScored failed(String studyId, String trialId) {
        return new TrialScored(
                studyId,
                trialId,
                1,
                null,
                2,
                TrialStatus.FAILED,
                List.of(
                        TrialScored.ObjectiveValue.absent("val_error", Direction.MINIMIZE, null),
                        TrialScored.ObjectiveValue.absent("emissions_g", Direction.MINIMIZE, "g")),
                new TrialScored.EnergyBreakdown(0, 0, 0, 0, false, Map.of()),
                new TrialScored.Emissions(0, 0, 475, 1, "fixed"),
                false,
                null,
                0,
                null,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
