package io.greenband.events;

import io.greenband.events.payload.DeadLetter;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.ObjectiveReported;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialProgress;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import java.util.Optional;

/**
 * Every event greenband publishes (DESIGN §3): its CloudEvents type {@code io.greenband.<kebab-name>.v1},
 * the topic it goes to, its payload record and its JSON Schema resource.
 */
public enum EventType {
    STUDY_DEFINED("study-defined", Topic.STUDIES, StudyDefined.class),
    STUDY_STOPPED("study-stopped", Topic.STUDIES, StudyStopped.class),
    TRIAL_SUGGESTED("trial-suggested", Topic.TRIAL_SUGGESTED, TrialSuggested.class),
    TRIAL_STARTED("trial-started", Topic.TRIAL_STARTED, TrialStarted.class),
    TRIAL_PROGRESS("trial-progress", Topic.TRIAL_PROGRESS, TrialProgress.class),
    TRIAL_FINISHED("trial-finished", Topic.TRIAL_FINISHED, TrialFinished.class),
    ENERGY_SAMPLE("energy-sample", Topic.ENERGY_SAMPLE, EnergySample.class),
    OBJECTIVE_REPORTED("objective-reported", Topic.OBJECTIVE_REPORTED, ObjectiveReported.class),
    TRIAL_SCORED("trial-scored", Topic.TRIAL_SCORED, TrialScored.class),
    DEAD_LETTER("dead-letter", Topic.DEAD_LETTER, DeadLetter.class);

    /** Prefix of every CloudEvents type we publish. */
    public static final String CE_TYPE_PREFIX = "io.greenband.";
    /** The major version of every payload in this release; a breaking change bumps it. */
    public static final int MAJOR_VERSION = 1;

    private final String kebabName;
    private final Topic topic;
    private final Class<? extends GreenbandEvent> payloadClass;

    EventType(String kebabName, Topic topic, Class<? extends GreenbandEvent> payloadClass) {
        this.kebabName = kebabName;
        this.topic = topic;
        this.payloadClass = payloadClass;
    }

    /** The short name, e.g. {@code trial-suggested}. */
    public String kebabName() {
        return kebabName;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code io.greenband.trial-suggested.v1}. */
    public String ceType() {
        return CE_TYPE_PREFIX + kebabName + ".v" + MAJOR_VERSION;
    }

    /** The logical topic events of this type are published to. */
    public Topic topic() {
        return topic;
    }

    /** The payload record class. */
    public Class<? extends GreenbandEvent> payloadClass() {
        return payloadClass;
    }

    /** The classpath resource of the payload's JSON Schema, e.g. {@code schemas/trial-suggested.v1.json}. */
    public String schemaResource() {
        return "schemas/" + kebabName + ".v" + MAJOR_VERSION + ".json";
    }

    /** The event type whose CloudEvents type is {@code ceType}, if it is one of ours at this major version. */
    public static Optional<EventType> fromCeType(String ceType) {
        for (EventType t : values()) {
            if (t.ceType().equals(ceType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The event types published on {@code topic} (two on {@code studies}, one elsewhere). */
    public static java.util.List<EventType> on(Topic topic) {
        return java.util.Arrays.stream(values()).filter(t -> t.topic == topic).toList();
    }

    /** The event type carried by {@code payloadClass}. */
    public static EventType of(Class<? extends GreenbandEvent> payloadClass) {
        for (EventType t : values()) {
            if (t.payloadClass == payloadClass) {
                return t;
            }
        }
        throw new IllegalArgumentException("no event type carries " + payloadClass.getName());
    }
}
