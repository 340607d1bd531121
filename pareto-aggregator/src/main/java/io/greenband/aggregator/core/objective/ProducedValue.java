package io.greenband.aggregator.core.objective;

import io.greenband.aggregator.core.attribution.TrialKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A value a plug-in reported for a trial.
 *
 * @param key the trial attempt
 * @param producer the plug-in's name
 * @param objective the objective name it reported
 * @param value the value
 * @param at when it was reported
 */
public record ProducedValue(
        TrialKey key, String producer, String objective, double value, Instant at) {

    /** Checks the fields. */
    public ProducedValue {
        Objects.requireNonNull(key, "key must not be null");
        if (producer == null || producer.isBlank()) {
            throw new IllegalArgumentException(
                    "producer of a value for trial " + key + " is missing");
        }
        objective = objective == null ? "" : objective;
        Objects.requireNonNull(at, "at must not be null");
    }
}
