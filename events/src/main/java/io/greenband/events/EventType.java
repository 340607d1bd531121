package io.greenband.events;

import io.greenband.events.topic.Topic;
import java.util.Optional;

/**
 * Every event greenband publishes (DESIGN §3): its CloudEvents type {@code
 * io.greenband.<kebab-name>.v1}, the topic it goes to and its JSON Schema resource (the payload
 * record of each: {@code payload.PayloadTypes}).
 */
public enum EventType {
    STUDY_DEFINED("study-defined", Topic.STUDIES),
    STUDY_STOPPED("study-stopped", Topic.STUDIES),
    TRIAL_SUGGESTED("trial-suggested", Topic.TRIAL_SUGGESTED),
    TRIAL_STARTED("trial-started", Topic.TRIAL_STARTED),
    TRIAL_PROGRESS("trial-progress", Topic.TRIAL_PROGRESS),
    TRIAL_FINISHED("trial-finished", Topic.TRIAL_FINISHED),
    ENERGY_SAMPLE("energy-sample", Topic.ENERGY_SAMPLE),
    OBJECTIVE_REPORTED("objective-reported", Topic.OBJECTIVE_REPORTED),
    TRIAL_SCORED("trial-scored", Topic.TRIAL_SCORED),
    DEAD_LETTER("dead-letter", Topic.DEAD_LETTER);

    /** Prefix of every CloudEvents type we publish. */
    public static final String CE_TYPE_PREFIX = "io.greenband.";

    /** The major version of every payload in this release; a breaking change bumps it. */
    public static final int MAJOR_VERSION = 1;

    private final String kebabName;
    private final Topic topic;

    EventType(String kebabName, Topic topic) {
        this.kebabName = kebabName;
        this.topic = topic;
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

    /**
     * The classpath resource of the payload's JSON Schema, e.g. {@code
     * schemas/trial-suggested.v1.json}.
     */
    public String schemaResource() {
        return "schemas/" + kebabName + ".v" + MAJOR_VERSION + ".json";
    }

    /**
     * The event type whose CloudEvents type is {@code ceType}, if it is one of ours at this major
     * version.
     */
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
}
