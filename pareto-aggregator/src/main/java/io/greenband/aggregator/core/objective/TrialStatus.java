package io.greenband.aggregator.core.objective;

/** How a trial attempt ended, as the trainer (or the suggester, for LOST) reported it. */
public enum TrialStatus {
    /** Trained and evaluated. */
    SUCCEEDED,
    /** Threw, diverged or ran out of memory. */
    FAILED,
    /** Its lease ran out without a heartbeat. */
    LOST
}
