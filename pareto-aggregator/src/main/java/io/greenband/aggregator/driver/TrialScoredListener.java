package io.greenband.aggregator.driver;

import io.greenband.events.payload.TrialScored;
import java.util.List;

/**
 * Told about every batch of scored trials once it is stored and published: the hook for what
 * watches scores without taking part in scoring (the live stream of the dashboard, metrics such as
 * per-trial energy counters). Called on the scoring thread; an implementation returns quickly and
 * does not call back into the engine.
 */
@FunctionalInterface
public interface TrialScoredListener {

    /** {@code scored} trials of {@code studyId}, in scoring order. */
    void scored(String studyId, List<TrialScored> scored);
}
