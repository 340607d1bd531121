package io.greenband.trainer.runner;

/**
 * Runs one trial to completion (the runner of an ask/tell loop). Implementations never throw for a
 * failing trial: divergence, out-of-memory and any other error end in a FAILED result that says
 * why.
 */
public interface TrialRunner {

    /**
     * Trains and evaluates {@code request}, reporting each epoch to {@code listener}.
     *
     * @return the result, COMPLETED or FAILED
     */
    TrialResult run(TrialRequest request, ProgressListener listener);
}
