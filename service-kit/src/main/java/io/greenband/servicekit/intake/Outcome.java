package io.greenband.servicekit.intake;

/**
 * How the intake ended a record: applied, or dead-lettered with a reason. Either way its offset may
 * be committed.
 */
public enum Outcome {
    /** The handler applied the event. */
    PROCESSED,
    /** The record is on {@code dead-letter} with its reason, topic, partition and offset. */
    DEAD_LETTERED
}
