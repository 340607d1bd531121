package io.greenband.suggester.core.history;

import io.greenband.suggester.core.objective.ObjectiveBounds;
import java.util.Collection;
import java.util.List;

/** Read-only access to the run history. */
public interface HistoryView {

    /** Number of objectives. */
    int objectives();

    /** Number of budget levels. */
    int levels();

    /** Number of configurations proposed so far. */
    int configCount();

    /** Configuration {@code configId}. */
    ConfigRecord config(long configId);

    /** Number of trials so far. */
    int trialCount();

    /** Trial {@code trialId}. */
    TrialRecord trial(long trialId);

    /** The trial of {@code configId} at {@code level}, or null if it was never run there. */
    TrialRecord trialAt(long configId, int level);

    /** Finished trials at {@code level}, in the order their results arrived. */
    List<TrialRecord> finishedAt(int level);

    /** Number of finished trials (all levels). */
    long finishedCount();

    /** Trials still waiting for a result, in trial order. */
    Collection<TrialRecord> pending();

    /** Per-objective cost bounds over successful trials. Do not modify. */
    ObjectiveBounds bounds();

    /** True when this exact vector was proposed before. */
    boolean contains(double[] vector);
}
