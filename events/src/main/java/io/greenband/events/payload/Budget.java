package io.greenband.events.payload;

/**
 * When a study stops: whichever limit is reached first. At least one limit must be set; a study
 * without a budget section gets {@link #DEFAULT_MAX_TRIALS} trials.
 *
 * @param maxTrials maximum number of trials (each (configuration, budget) run counts)
 * @param totalFidelityBudget maximum sum of the fidelity values of all trials
 * @param wallClockLimitSeconds maximum study duration
 * @param energyBudgetJoules maximum measured energy of all trials
 */
public record Budget(
        Integer maxTrials,
        Double totalFidelityBudget,
        Long wallClockLimitSeconds,
        Double energyBudgetJoules) {

    /** SMAC's default number of trials. */
    public static final int DEFAULT_MAX_TRIALS = 100;

    public Budget {
        if (maxTrials != null) {
            FieldChecks.atLeast(maxTrials, 1, "maxTrials");
        }
        if (totalFidelityBudget != null
                && !(totalFidelityBudget > 0 && Double.isFinite(totalFidelityBudget))) {
            throw new InvalidFieldException(
                    "totalFidelityBudget",
                    "totalFidelityBudget must be > 0, got " + totalFidelityBudget);
        }
        if (wallClockLimitSeconds != null) {
            FieldChecks.atLeast(wallClockLimitSeconds, 1, "wallClockLimitSeconds");
        }
        if (energyBudgetJoules != null
                && !(energyBudgetJoules > 0 && Double.isFinite(energyBudgetJoules))) {
            throw new InvalidFieldException(
                    "energyBudgetJoules",
                    "energyBudgetJoules must be > 0, got " + energyBudgetJoules);
        }
        if (maxTrials == null
                && totalFidelityBudget == null
                && wallClockLimitSeconds == null
                && energyBudgetJoules == null) {
            throw new InvalidFieldException(
                    "maxTrials",
                    "budget needs at least one of maxTrials, totalFidelityBudget, "
                            + "wallClockLimitSeconds, energyBudgetJoules");
        }
    }

    /** {@link #DEFAULT_MAX_TRIALS} trials, nothing else. */
    public static Budget defaults() {
        return new Budget(DEFAULT_MAX_TRIALS, null, null, null);
    }
}
