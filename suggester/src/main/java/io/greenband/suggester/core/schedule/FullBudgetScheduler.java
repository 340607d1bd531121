package io.greenband.suggester.core.schedule;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Single fidelity: every trial is a new configuration at the maximum budget (the random-search
 * baseline).
 */
public final class FullBudgetScheduler implements Scheduler {

    private final int topLevel;

    /** Runs everything at the last level of {@code plan}. */
    public FullBudgetScheduler(BracketPlan plan) {
        this.topLevel = plan.levels() - 1;
    }

    @Override
    public Slot next(SplittableRandom rng, LongSupplier freshConfig) {
        return new Slot(freshConfig.getAsLong(), topLevel, 0, 0, false);
    }

    @Override
    public ScheduleState state() {
        return null;
    }
}
