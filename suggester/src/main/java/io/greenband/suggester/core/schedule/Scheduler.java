package io.greenband.suggester.core.schedule;

import io.greenband.suggester.core.history.TrialRecord;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Decides which configuration runs at which budget next. Always has an answer, whatever is in
 * flight: a member of an open batch, a promotion, or a fresh configuration obtained from {@code
 * freshConfig}.
 */
public interface Scheduler {

    /**
     * The next slot; calls {@code freshConfig} (which returns a new config id) when it needs a new
     * configuration.
     */
    Slot next(SplittableRandom rng, LongSupplier freshConfig);

    /** Told after each result is recorded in the history. */
    default void onFinished(TrialRecord trial) {}

    /**
     * The scheduler's own state for a snapshot (null when everything is derived from the history).
     */
    ScheduleState state();
}
