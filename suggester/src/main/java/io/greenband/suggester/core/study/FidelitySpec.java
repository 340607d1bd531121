package io.greenband.suggester.core.study;

import io.greenband.suggester.core.schedule.BracketPlan;

/**
 * The fidelity knob's range and reduction factor.
 *
 * @param min smallest budget (> 0)
 * @param max largest budget
 * @param eta reduction factor, {@link BracketPlan#DEFAULT_ETA} by default
 * @param integral true when the knob takes whole numbers (epochs, shift depth): reported budgets
 *     are rounded to the nearest integer, never below {@code min}; the schedule itself keeps its
 *     exact levels
 */
public record FidelitySpec(double min, double max, int eta, boolean integral) {

    /** Checks the fields by building the plan. */
    public FidelitySpec {
        BracketPlan.of(min, max, eta);
    }

    /** A real-valued range. */
    public FidelitySpec(double min, double max, int eta) {
        this(min, max, eta, false);
    }

    /** A real-valued range with the default η. */
    public static FidelitySpec of(double min, double max) {
        return new FidelitySpec(min, max, BracketPlan.DEFAULT_ETA, false);
    }

    /** Single fidelity: every trial at budget 1. */
    public static FidelitySpec none() {
        return new FidelitySpec(1, 1, BracketPlan.DEFAULT_ETA, false);
    }

    /** The Hyperband plan of this range. */
    public BracketPlan plan() {
        return BracketPlan.of(min, max, eta);
    }

    /** The budget handed out for ladder level {@code level} of {@code plan}. */
    public double budgetOf(BracketPlan plan, int level) {
        double b = plan.levelBudget(level);
        return integral ? Math.max(Math.ceil(min), Math.min(Math.floor(max), Math.rint(b))) : b;
    }
}
