package io.greenband.events.payload;

import io.greenband.events.EventType;
import java.time.Instant;

/**
 * A plug-in producer reports one objective value of a trial.
 *
 * @param studyId the study
 * @param trialId the trial
 * @param attempt the attempt
 * @param objective the objective's name in the study
 * @param value the value, finite
 * @param unit unit, optional
 * @param producer the producer's name (the study's source is {@code producer:<name>})
 * @param reportedAt when it was reported
 */
public record ObjectiveReported(
        String studyId,
        String trialId,
        int attempt,
        String objective,
        double value,
        String unit,
        String producer,
        Instant reportedAt)
        implements GreenbandEvent, StudyScoped {

    public ObjectiveReported {
        FieldChecks.text(studyId, "studyId");
        FieldChecks.text(trialId, "trialId");
        FieldChecks.atLeast(attempt, 1, "attempt");
        FieldChecks.text(objective, "objective");
        FieldChecks.finite(value, "value");
        FieldChecks.text(producer, "producer");
        FieldChecks.present(reportedAt, "reportedAt");
    }

    @Override
    public EventType type() {
        return EventType.OBJECTIVE_REPORTED;
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
        return trialId + ":" + attempt + ":" + objective + ":" + producer;
    }

    @Override
    public Instant occurredAt() {
        return reportedAt;
    }
}
