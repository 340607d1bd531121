package io.greenband.aggregator.core.objective;

/** What happens to a trial when one of its objectives has no value when its wait is over. */
public enum MissingPolicy {
    /**
     * Score the trial with the objective marked missing; it stays off the fronts until the value
     * arrives.
     */
    MARK_MISSING,
    /**
     * Score the trial with the worst value of this objective observed so far in the study (so it
     * ranks behind trials that have it); marked missing when nothing was observed yet.
     */
    USE_WORST,
    /** Score the trial as failed, naming the missing objective. */
    FAIL_TRIAL
}
