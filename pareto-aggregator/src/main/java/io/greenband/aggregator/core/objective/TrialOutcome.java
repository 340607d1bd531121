package io.greenband.aggregator.core.objective;

import io.greenband.aggregator.core.attribution.TrialKey;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the trainer reported when a trial attempt ended.
 *
 * @param key the trial attempt
 * @param fidelity the fidelity it ran at
 * @param status how it ended
 * @param metrics metrics by name (val_error, val_accuracy, train_seconds, ...)
 * @param finishedAt when it ended; timeouts count from here
 * @param error the reason of a failure, empty otherwise
 */
public record TrialOutcome(
        TrialKey key,
        double fidelity,
        TrialStatus status,
        Map<String, Double> metrics,
        Instant finishedAt,
        String error) {

    /** Checks and copies the fields. */
    public TrialOutcome {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(status, "status of trial " + key + " must not be null");
        Objects.requireNonNull(finishedAt, "finishedAt of trial " + key + " must not be null");
        if (!Double.isFinite(fidelity)) {
            throw new IllegalArgumentException(
                    "fidelity of trial " + key + " is " + fidelity + ": it must be finite");
        }
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        error = error == null ? "" : error;
    }
}
