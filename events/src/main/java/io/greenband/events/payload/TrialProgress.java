package io.greenband.events.payload;

import io.greenband.events.EventType;
import java.time.Instant;
import java.util.Map;

/**
 * Per-epoch progress of a trial; also the lease heartbeat.
 *
 * @param studyId the study
 * @param trialId the trial
 * @param attempt the attempt
 * @param epoch epochs completed so far (0 for a heartbeat before the first epoch ends)
 * @param epochs epochs planned, optional
 * @param metrics metrics so far, e.g. {@code train_loss}, {@code val_accuracy}; finite numbers
 * @param at when it was reported
 */
public record TrialProgress(
        String studyId,
        String trialId,
        int attempt,
        int epoch,
        Integer epochs,
        Map<String, Double> metrics,
        Instant at)
        implements GreenbandEvent, StudyScoped {

    public TrialProgress {
        FieldChecks.text(studyId, "studyId");
        FieldChecks.text(trialId, "trialId");
        FieldChecks.atLeast(attempt, 1, "attempt");
        FieldChecks.atLeast(epoch, 0, "epoch");
        if (epochs != null) {
            FieldChecks.atLeast(epochs, 1, "epochs");
            if (epoch > epochs) {
                throw new InvalidFieldException(
                        "epoch", "epoch must be <= epochs (" + epochs + "), got " + epoch);
            }
        }
        metrics = FieldChecks.metrics(metrics, "metrics");
        FieldChecks.present(at, "at");
    }

    @Override
    public EventType type() {
        return EventType.TRIAL_PROGRESS;
    }

    @Override
    public String key() {
        return studyId;
    }

    @Override
    public String subject() {
        return trialId;
    }

    /** Trial, attempt, epoch and time: several heartbeats within one epoch stay distinct. */
    @Override
    public String naturalId() {
        return trialId + ":" + attempt + ":" + epoch + ":" + at.toEpochMilli();
    }

    @Override
    public Instant occurredAt() {
        return at;
    }
}
