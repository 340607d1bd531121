package io.greenband.suggester.core.study;

import io.greenband.suggester.core.history.Origin;
import io.greenband.suggester.core.history.TrialStatus;
import io.greenband.suggester.core.schedule.ScheduleState;
import java.util.List;

/**
 * The complete state of an optimizer as plain values (records, lists, numbers, strings, enums),
 * ready for a JSON mapper or a document store. Non-finite numbers never appear: an inactive vector
 * entry is null. {@link Optimizer#restore} rebuilds an optimizer whose next suggestions equal the
 * original's.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param fingerprint {@link StudySpec#fingerprint()} of the spec it was taken from
 * @param nextSplit split counter of the next ask
 * @param initialDesignUsed initial-design configurations handed out
 * @param configs every configuration, by id
 * @param trials every trial, by id
 * @param schedule the synchronous scheduler's open batches, or null when derived from the trials
 */
public record OptimizerSnapshot(
        int formatVersion,
        String fingerprint,
        long nextSplit,
        int initialDesignUsed,
        List<ConfigEntry> configs,
        List<TrialEntry> trials,
        ScheduleState schedule) {

    /** The current format. */
    public static final int FORMAT_VERSION = 1;

    /** Defensive copies. */
    public OptimizerSnapshot {
        configs = List.copyOf(configs);
        trials = List.copyOf(trials);
    }

    /**
     * A configuration.
     *
     * @param vector entries, null where inactive
     * @param weights ParEGO weights of its model, or null
     */
    public record ConfigEntry(
            long configId,
            List<Double> vector,
            Origin origin,
            List<Double> weights,
            long firstTrial) {}

    /**
     * A trial.
     *
     * @param costs costs (maximized objectives negated) when SUCCESS, else null
     * @param finishOrder order in which its result arrived, -1 while pending
     */
    public record TrialEntry(
            long trialId,
            long configId,
            int level,
            double budget,
            int bracket,
            int rung,
            long split,
            boolean promoted,
            TrialStatus status,
            List<Double> costs,
            String failure,
            long finishOrder) {}
}
