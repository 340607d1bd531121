package io.greenband.suggester.core.schedule;

/** The schedules a study can choose. */
public enum SchedulerKind {
    /** Synchronous Hyperband: successive-halving batches, brackets rotating 0..s_max (SMAC). */
    HYPERBAND,
    /** Synchronous successive halving: bracket 0 only. */
    SUCCESSIVE_HALVING,
    /**
     * Asynchronous promotion (ASHA): promote as soon as a rung's top 1/η holds an unpromoted trial.
     */
    ASHA,
    /** Every trial is a new configuration at the maximum budget. */
    FULL_BUDGET
}
