package io.greenband.aggregator.core.objective;

import io.greenband.aggregator.core.attribution.TrialKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A trial with its objective vector, ready to publish.
 *
 * @param key the trial attempt
 * @param fidelity the fidelity it ran at
 * @param status SCORED, or FAILED (the trial failed, or a value was missing under {@link
 *     MissingPolicy#FAIL_TRIAL})
 * @param values one entry per objective, in the plan's order
 * @param energy its energy figures, when they arrived
 * @param reason why it failed or what is missing, empty when complete
 * @param scoredAt the time it was scored
 * @param revision 0 for the first score, one more each time a late plug-in value re-scores the
 *     trial
 */
public record ScoredTrial(
        TrialKey key,
        double fidelity,
        Status status,
        List<ObjectiveValue> values,
        Optional<EnergyFigures> energy,
        String reason,
        Instant scoredAt,
        int revision) {

    /** Outcome of scoring. */
    public enum Status {
        /**
         * Scored; the vector may have missing or substituted entries (see {@link ObjectiveValue}).
         */
        SCORED,
        /** Failed. */
        FAILED
    }

    /** Copies the list. */
    public ScoredTrial {
        values = List.copyOf(values);
        energy = energy == null ? Optional.empty() : energy;
    }

    /** The vector as fronts see it (maximized objectives negated), when scored and complete. */
    public Optional<double[]> minimizedVector() {
        if (status != Status.SCORED || values.stream().anyMatch(ObjectiveValue::isMissing)) {
            return Optional.empty();
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            ObjectiveValue o = values.get(i);
            v[i] = o.direction().toMinimized(o.value().getAsDouble());
        }
        return Optional.of(v);
    }
}
