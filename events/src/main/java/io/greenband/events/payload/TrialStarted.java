package io.greenband.events.payload;

import io.greenband.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trainer picked up a trial. Carries what the aggregator needs to attribute energy (host,
 * devices, pid) and to describe the trial (configuration and budget).
 *
 * @param studyId the study
 * @param trialId the trial
 * @param attempt the attempt, from the suggestion
 * @param worker the trainer instance (e.g. pod name)
 * @param host the node the trial runs on, as the energy monitor names it
 * @param devices GPU UUIDs in use, or {@code cpu}
 * @param pid the training process id
 * @param config the configuration being trained
 * @param fidelity the budget being trained at
 * @param startedAt when training started
 */
public record TrialStarted(
        String studyId,
        String trialId,
        int attempt,
        String worker,
        String host,
        List<String> devices,
        long pid,
        Map<String, Object> config,
        double fidelity,
        Instant startedAt)
        implements GreenbandEvent, StudyScoped {

    public TrialStarted {
        FieldChecks.text(studyId, "studyId");
        FieldChecks.text(trialId, "trialId");
        FieldChecks.atLeast(attempt, 1, "attempt");
        FieldChecks.text(worker, "worker");
        FieldChecks.text(host, "host");
        devices = FieldChecks.list(devices, "devices");
        if (devices.isEmpty()) {
            throw new InvalidFieldException(
                    "devices", "devices must name at least one device (a GPU UUID or 'cpu')");
        }
        FieldChecks.atLeast(pid, 0, "pid");
        config = FieldChecks.config(config, "config");
        FieldChecks.atLeast(fidelity, 0, "fidelity");
        FieldChecks.present(startedAt, "startedAt");
    }

    @Override
    public EventType type() {
        return EventType.TRIAL_STARTED;
    }

    @Override
    public String key() {
        return studyId;
    }

    @Override
    public String subject() {
        return trialId;
    }

    @Override
    public String naturalId() {
        return trialId + ":" + attempt;
    }

    @Override
    public Instant occurredAt() {
        return startedAt;
    }
}
