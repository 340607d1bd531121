package io.greenband.events.payload;

import io.greenband.events.EventType;
import java.time.Instant;
import java.util.Map;

/**
 * The suggester asks a trainer to run one configuration at one budget. Keyed by trial id so trials
 * spread over one consumer group of trainers.
 *
 * @param studyId the study
 * @param trialId the trial: one (configuration, budget) run
 * @param attempt 1 for the first run, incremented when a LOST trial is retried
 * @param configId identifies the configuration across rungs (a promoted configuration keeps it)
 * @param config hyperparameter name to value (string, number or boolean); inactive ones left out
 * @param fidelity the budget to train at, in the study's fidelity knob
 * @param bracket Hyperband bracket (0 for asha and random)
 * @param rung stage within the bracket, 0 = lowest budget
 * @param seed seed for the training run
 * @param leaseSeconds seconds without heartbeat after which the trial is declared LOST
 * @param origin how the configuration was chosen: {@code initial}, {@code random}, {@code model},
 *     {@code promotion} or {@code default}; optional
 * @param studyFingerprint fingerprint of the study definition the suggestion was made for; optional
 * @param suggestedAt when it was suggested
 */
public record TrialSuggested(
        String studyId,
        String trialId,
        int attempt,
        String configId,
        Map<String, Object> config,
        double fidelity,
        int bracket,
        int rung,
        long seed,
        int leaseSeconds,
        String origin,
        String studyFingerprint,
        Instant suggestedAt)
        implements GreenbandEvent, StudyScoped {

    public TrialSuggested {
        FieldChecks.text(studyId, "studyId");
        FieldChecks.text(trialId, "trialId");
        FieldChecks.atLeast(attempt, 1, "attempt");
        configId = configId == null ? trialId : FieldChecks.text(configId, "configId");
        config = FieldChecks.config(config, "config");
        FieldChecks.atLeast(fidelity, 0, "fidelity");
        FieldChecks.atLeast(bracket, 0, "bracket");
        FieldChecks.atLeast(rung, 0, "rung");
        FieldChecks.atLeast(leaseSeconds, 1, "leaseSeconds");
        FieldChecks.present(suggestedAt, "suggestedAt");
    }

    @Override
    public EventType type() {
        return EventType.TRIAL_SUGGESTED;
    }

    /** The trial id (DESIGN §3: trial-suggested is keyed by trial). */
    @Override
    public String key() {
        return trialId;
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
        return suggestedAt;
    }
}
