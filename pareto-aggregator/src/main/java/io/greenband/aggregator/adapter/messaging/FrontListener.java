package io.greenband.aggregator.adapter.messaging;

import io.greenband.events.payload.TrialScored;
import java.util.List;

/** Told about every batch of scored trials once it is stored and published (feeds the live stream). */
@FunctionalInterface
public interface FrontListener {

    /** {@code scored} trials of {@code studyId}, in scoring order. */
    void scored(String studyId, List<TrialScored> scored);
}
