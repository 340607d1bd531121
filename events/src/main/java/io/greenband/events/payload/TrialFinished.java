package io.greenband.events.payload;

import io.greenband.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trial ended. SUCCEEDED and FAILED come from the trainer; LOST from the suggester when the lease
 * ran out.
 *
 * @param studyId the study
 * @param trialId the trial
 * @param attempt the attempt
 * @param status how it ended
 * @param fidelity the budget it was trained at
 * @param metrics final metrics (val_loss, val_accuracy, test_accuracy, train_seconds,
 *     images_per_second, shift_layers, weight_bits, ...); finite numbers
 * @param startedAt when training started; optional for LOST
 * @param endedAt when it ended (for LOST: when it was declared lost)
 * @param host the node; optional for LOST
 * @param devices devices used
 * @param worker the trainer instance; optional
 * @param error what went wrong; required for FAILED and LOST
 * @param modelArtifact where the trained model was saved, optional
 */
public record TrialFinished(
        String studyId,
        String trialId,
        int attempt,
        TrialStatus status,
        double fidelity,
        Map<String, Double> metrics,
        Instant startedAt,
        Instant endedAt,
        String host,
        List<String> devices,
        String worker,
        String error,
        String modelArtifact)
        implements GreenbandEvent, StudyScoped {

    public TrialFinished {
        FieldChecks.text(studyId, "studyId");
        FieldChecks.text(trialId, "trialId");
        FieldChecks.atLeast(attempt, 1, "attempt");
        FieldChecks.present(status, "status");
        FieldChecks.atLeast(fidelity, 0, "fidelity");
        metrics = FieldChecks.metrics(metrics, "metrics");
        FieldChecks.present(endedAt, "endedAt");
        if (startedAt != null && endedAt.isBefore(startedAt)) {
            throw new InvalidFieldException(
                    "endedAt",
                    "endedAt (" + endedAt + ") must not be before startedAt (" + startedAt + ")");
        }
        if (status != TrialStatus.LOST) {
            FieldChecks.present(startedAt, "startedAt");
            FieldChecks.text(host, "host");
        }
        devices = FieldChecks.list(devices, "devices");
        if (status != TrialStatus.SUCCEEDED) {
            FieldChecks.text(error, "error");
        }
    }

    @Override
    public EventType type() {
        return EventType.TRIAL_FINISHED;
    }

    @Override
    public String key() {
        return studyId;
    }

    @Override
    public String subject() {
        return trialId;
    }

    /** Trial, attempt and status: a late SUCCEEDED after a LOST verdict stays visible. */
    @Override
    public String naturalId() {
        return trialId + ":" + attempt + ":" + status;
    }

    @Override
    public Instant occurredAt() {
        return endedAt;
    }
}
