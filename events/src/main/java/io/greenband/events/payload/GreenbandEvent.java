package io.greenband.events.payload;

import io.greenband.events.EventType;
import java.time.Instant;

/**
 * A greenband event payload. Each record knows its {@link EventType}, the Kafka key DESIGN §3 gives
 * its topic, its CloudEvents subject (the trial, study or device it is about) and a natural id from
 * which the codec derives the idempotency key {@code ce_id}.
 */
public sealed interface GreenbandEvent
        permits StudyDefined,
                StudyStopped,
                TrialSuggested,
                TrialStarted,
                TrialProgress,
                TrialFinished,
                EnergySample,
                ObjectiveReported,
                TrialScored,
                DeadLetter {

    /** The event type (CloudEvents type, topic, schema). */
    EventType type();

    /** The Kafka record key: studyId, trialId, host/device or the original key (DESIGN §3). */
    String key();

    /** The CloudEvents subject: the trial, study or device the event is about. */
    String subject();

    /**
     * What makes this event unique among events of its type (e.g. {@code trialId:attempt}); the
     * codec publishes {@code <kebab-name>:<naturalId>} as {@code ce_id} so a re-published event is
     * recognised.
     */
    String naturalId();

    /** When the event happened, used as {@code ce_time}; null lets the codec use its clock. */
    Instant occurredAt();
}
