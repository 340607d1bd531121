package io.greenband.suggester.driver;

import io.greenband.events.SampleEvents;
import io.greenband.events.payload.Budget;
import io.greenband.events.payload.Carbon;
import io.greenband.events.payload.Direction;
import io.greenband.events.payload.Fidelity;
import io.greenband.events.payload.Objective;
import io.greenband.events.payload.Scheduler;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.payload.Workload;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Small studies and a scripted scorer with a known objective function, shared by driver and service
 * tests.
 */
public final class Studies {

    /** The definition time of every test study. */
    public static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private Studies() {}

    /** Hyperband on the sample space, two objectives, budgets 1..9 (eta 3). */
    public static StudyDefined study(
            String id, int parallelism, int maxTrials, int maxRetries, int leaseSeconds) {
        return new StudyDefined(
                id,
                null,
                null,
                Map.of(),
                SampleEvents.space(),
                List.of(
                        Objective.of("val_error", Direction.MINIMIZE, "metric:val_error"),
                        Objective.of("emissions", Direction.MINIMIZE, "energy:emissions_g")),
                new Fidelity(Fidelity.Knob.EPOCHS, 1, 9, 3),
                new Scheduler(
                        Scheduler.Kind.HYPERBAND,
                        Scheduler.Ranking.PAREGO,
                        true,
                        parallelism,
                        maxRetries,
                        leaseSeconds,
                        0.2),
                new Budget(maxTrials, null, null, null),
                new Carbon(null, 300.0, 1.2),
                11L,
                Workload.defaults(),
                T0);
    }

    /**
     * The scripted score of a suggestion: error falls with budget and a learning rate near 0.01.
     */
    public static TrialScored score(TrialSuggested s) {
        double lr = ((Number) s.config().get("learning_rate")).doubleValue();
        double error = 0.05 + Math.abs(Math.log10(lr) + 2) / 4 + 1.0 / s.fidelity();
        double joules = 100 * s.fidelity();
        return new TrialScored(
                s.studyId(),
                s.trialId(),
                s.attempt(),
                s.configId(),
                s.fidelity(),
                TrialStatus.SUCCEEDED,
                List.of(
                        TrialScored.ObjectiveValue.of("val_error", Direction.MINIMIZE, error, null),
                        TrialScored.ObjectiveValue.of(
                                "emissions", Direction.MINIMIZE, joules / 10, "g")),
                new TrialScored.EnergyBreakdown(joules, 0, 0, joules, false, Map.of()),
                new TrialScored.Emissions(joules / 10, joules / 3.6e6, 300, 1.2, "fixed"),
                false,
                null,
                0,
                s.studyFingerprint(),
                s.suggestedAt().plusSeconds(60));
    }

    /** The trainer's end of a suggestion, as it precedes every score in the log. */
    public static io.greenband.events.payload.TrialFinished finished(TrialSuggested s) {
        return new io.greenband.events.payload.TrialFinished(
                s.studyId(),
                s.trialId(),
                s.attempt(),
                TrialStatus.SUCCEEDED,
                s.fidelity(),
                Map.of("val_error", 0.5),
                s.suggestedAt().plusSeconds(1),
                s.suggestedAt().plusSeconds(59),
                "test-host",
                List.of(),
                "test-trainer",
                null,
                null);
    }

    /**
     * A FAILED score of a suggestion (what the aggregator publishes for a failed or lost attempt).
     */
    public static TrialScored failed(TrialSuggested s) {
        return new TrialScored(
                s.studyId(),
                s.trialId(),
                s.attempt(),
                s.configId(),
                s.fidelity(),
                TrialStatus.FAILED,
                List.of(
                        TrialScored.ObjectiveValue.absent("val_error", Direction.MINIMIZE, null),
                        TrialScored.ObjectiveValue.absent("emissions", Direction.MINIMIZE, "g")),
                new TrialScored.EnergyBreakdown(0, 0, 0, 0, false, Map.of()),
                new TrialScored.Emissions(0, 0, 300, 1.2, "fixed"),
                false,
                null,
                0,
                s.studyFingerprint(),
                s.suggestedAt().plusSeconds(60));
    }
}
