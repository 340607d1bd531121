package io.greenband.events.payload;

import io.greenband.events.EventType;
import java.time.Instant;

/**
 * A study stopped: no further trials are suggested. Published on {@code studies} keyed by study id.
 *
 * @param studyId the study
 * @param reason why it stopped
 * @param detail free text, optional
 * @param at when it stopped
 */
public record StudyStopped(String studyId, Reason reason, String detail, Instant at)
        implements GreenbandEvent, StudyScoped {

    public StudyStopped {
        FieldChecks.text(studyId, "studyId");
        FieldChecks.present(reason, "reason");
        FieldChecks.present(at, "at");
    }

    @Override
    public EventType type() {
        return EventType.STUDY_STOPPED;
    }

    @Override
    public String key() {
        return studyId;
    }

    @Override
    public String subject() {
        return studyId;
    }

    @Override
    public String naturalId() {
        return studyId + ":" + at;
    }

    @Override
    public Instant occurredAt() {
        return at;
    }

    /** Why a study stopped. */
    public enum Reason {
        /** A user or the API asked for it. */
        REQUESTED,
        /** A budget limit was reached. */
        BUDGET_EXHAUSTED,
        /** The scheduler has nothing left to run. */
        COMPLETED,
        /** An unrecoverable error. */
        FAILED
    }
}
