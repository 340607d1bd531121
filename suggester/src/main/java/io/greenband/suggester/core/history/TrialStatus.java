package io.greenband.suggester.core.history;

/** Where a trial stands. */
public enum TrialStatus {
    /** Suggested, no result yet. */
    PENDING,
    /** Finished with finite values for every objective. */
    SUCCESS,
    /** Crashed, lost, or reported a non-finite objective. */
    FAILED
}
