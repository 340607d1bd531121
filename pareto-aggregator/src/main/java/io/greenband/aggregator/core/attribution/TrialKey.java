package io.greenband.aggregator.core.attribution;

import java.util.Objects;

/**
 * Identity of one attempt of a trial.
 *
 * @param trialId the trial id
 * @param attempt the attempt number (a retried trial gets a new attempt)
 */
public record TrialKey(String trialId, int attempt) {

    /** Checks the fields. */
    public TrialKey {
        Objects.requireNonNull(trialId, "trialId must not be null");
        if (trialId.isBlank()) {
            throw new IllegalArgumentException("trialId is blank: give the trial's id");
        }
        if (attempt < 0) {
            throw new IllegalArgumentException(
                    "attempt of trial " + trialId + " is " + attempt + ": it must be >= 0");
        }
    }

    @Override
    public String toString() {
        return trialId + "#" + attempt;
    }
}
