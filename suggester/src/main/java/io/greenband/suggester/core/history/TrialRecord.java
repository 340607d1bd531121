package io.greenband.suggester.core.history;

/**
 * One evaluation of a configuration at one budget.
 *
 * @param trialId sequence number of the ask that produced it, from 0
 * @param configId the configuration
 * @param level index of the budget on the fidelity ladder (0 = smallest)
 * @param budget the fidelity budget
 * @param bracket Hyperband bracket (0 outside Hyperband)
 * @param rung stage inside the bracket (the level in asynchronous mode)
 * @param split the split counter of the generator the ask used
 * @param promoted true when the configuration was promoted from a lower budget
 * @param status pending, success or failure
 * @param costs per-objective costs (maximized objectives negated) when SUCCESS, else null
 * @param failure the failure reason when FAILED, else null
 * @param finishOrder 0-based order in which results arrived, -1 while pending
 */
public record TrialRecord(
        long trialId,
        long configId,
        int level,
        double budget,
        int bracket,
        int rung,
        long split,
        boolean promoted,
        TrialStatus status,
        double[] costs,
        String failure,
        long finishOrder) {

    /** True once a result (success or failure) arrived. */
    public boolean isFinished() {
        return status != TrialStatus.PENDING;
    }

    TrialRecord succeeded(double[] c, long order) {
        return new TrialRecord(
                trialId,
                configId,
                level,
                budget,
                bracket,
                rung,
                split,
                promoted,
                TrialStatus.SUCCESS,
                c.clone(),
                null,
                order);
    }

    TrialRecord failed(String reason, long order) {
        return new TrialRecord(
                trialId,
                configId,
                level,
                budget,
                bracket,
                rung,
                split,
                promoted,
                TrialStatus.FAILED,
                null,
                reason,
                order);
    }
}
