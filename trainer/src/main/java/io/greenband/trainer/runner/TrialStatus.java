package io.greenband.trainer.runner;

/** How a trial ended. */
public enum TrialStatus {
    /** Trained and evaluated; metrics are complete. */
    COMPLETED,
    /** Ended early; the result's error says why, metrics hold what was measured. */
    FAILED
}
