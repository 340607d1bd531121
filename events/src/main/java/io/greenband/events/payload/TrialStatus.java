package io.greenband.events.payload;

/**
 * How a trial ended. LOST is declared by the suggester when a lease ran out without a heartbeat.
 */
public enum TrialStatus {
    SUCCEEDED,
    FAILED,
    LOST
}
