package io.greenband.events.payload;

import io.greenband.events.EventType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which payload record each {@link EventType} carries. Kept beside the records, not in the enum, so
 * that the types name no payload class and the dependency runs one way: payloads know their type.
 */
public final class PayloadTypes {

    private static final Map<EventType, Class<? extends GreenbandEvent>> CLASSES =
            new EnumMap<>(
                    Map.of(
                            EventType.STUDY_DEFINED, StudyDefined.class,
                            EventType.STUDY_STOPPED, StudyStopped.class,
                            EventType.TRIAL_SUGGESTED, TrialSuggested.class,
                            EventType.TRIAL_STARTED, TrialStarted.class,
                            EventType.TRIAL_PROGRESS, TrialProgress.class,
                            EventType.TRIAL_FINISHED, TrialFinished.class,
                            EventType.ENERGY_SAMPLE, EnergySample.class,
                            EventType.OBJECTIVE_REPORTED, ObjectiveReported.class,
                            EventType.TRIAL_SCORED, TrialScored.class,
                            EventType.DEAD_LETTER, DeadLetter.class));

    private PayloadTypes() {}

    /** The payload record class of {@code type}. */
    public static Class<? extends GreenbandEvent> classOf(EventType type) {
        return CLASSES.get(type);
    }

    /** The event type carried by {@code payloadClass}. */
    public static EventType typeOf(Class<? extends GreenbandEvent> payloadClass) {
        for (Map.Entry<EventType, Class<? extends GreenbandEvent>> e : CLASSES.entrySet()) {
            if (e.getValue() == payloadClass) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("no event type carries " + payloadClass.getName());
    }
}
