package io.greenband.suggester.core.study;

/**
 * A trial that produced no usable result (crash, timeout, lost worker), with a reason for the
 * record.
 */
public record TrialFailure(String reason) {

    /** A blank reason becomes "failed". */
    public TrialFailure {
        reason = reason == null || reason.isBlank() ? "failed" : reason;
    }
}
