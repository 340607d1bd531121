package io.greenband.trainer.adapter.messaging;

import io.greenband.events.payload.TrialFinished;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * The trainer's meters, in Micrometer's global registry (the one Quarkus serves at {@code
 * /q/metrics}): {@code greenband_trial_duration_seconds{status}}, the wall time of each trial this
 * trainer reported, labelled by how it ended (the few values of {@code TrialStatus}, so the series
 * stay bounded).
 */
final class TrainerMeters {

    private TrainerMeters() {}

    /** Records a trial whose {@code trial-finished} the broker acknowledged. */
    static void finished(TrialFinished finished) {
        if (finished.startedAt() == null || finished.endedAt() == null) {
            return;
        }
        Duration took = Duration.between(finished.startedAt(), finished.endedAt());
        if (took.isNegative()) {
            return;
        }
        Timer.builder("greenband.trial.duration")
                .description("Wall time of the trials this trainer ran, by how they ended")
                .tag("status", finished.status().name().toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(10),
                        Duration.ofHours(1))
                .register(Metrics.globalRegistry)
                .record(took);
    }
}
