package io.greenband.suggester.core.history;

/** What the surrogate learns from a failed trial. Failed trials are never promoted either way. */
public enum FailurePolicy {
    /**
     * A training row at the worst observed cost of every objective (SMAC after its non-finite fix).
     */
    WORST_OBSERVED,
    /** No training row. */
    EXCLUDE
}
