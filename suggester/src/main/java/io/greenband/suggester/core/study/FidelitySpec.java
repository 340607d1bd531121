package io.greenband.suggester.core.study;

import io.greenband.suggester.core.schedule.BracketPlan;

/**
 * The fidelity knob's range and reduction factor.
 *
 * @param min smallest budget (> 0)
 * @param max largest budget
 * @param eta reduction factor, {@link BracketPlan#DEFAULT_ETA} by default
 */
public record FidelitySpec(double min, double max, int eta) {

    /** Checks the fields by building the plan. */
    public FidelitySpec {
        BracketPlan.of(min, max, eta);
    }

    /** A range with the default η. */
    public static FidelitySpec of(double min, double max) {
        return new FidelitySpec(min, max, BracketPlan.DEFAULT_ETA);
    }

    /** Single fidelity: every trial at budget 1. */
    public static FidelitySpec none() {
        return new FidelitySpec(1, 1, BracketPlan.DEFAULT_ETA);
    }

    /** The Hyperband plan of this range. */
    public BracketPlan plan() {
        return BracketPlan.of(min, max, eta);
    }
}
