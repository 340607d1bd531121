package io.greenband.suggester.driver;

import io.greenband.suggester.core.study.OptimizerSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * Everything a {@link StudyRun} needs to resume, as plain values for a document store.
 *
 * @param optimizer the optimizer's snapshot
 * @param seq inputs applied so far (the position decisions are stamped with)
 * @param asked trials asked of the optimizer (retries not counted)
 * @param fidelitySpent sum of the fidelity of the asked trials
 * @param energyJoules energy of the scored trials (first revision of each score)
 * @param startedAt when the study was defined (the wall-clock limit counts from here)
 * @param stopped whether a stop was applied
 * @param stopRequested whether an external stop request awaits its decision
 * @param inFlight trials in flight, in the order they were asked
 */
public record StudyRunState(
        OptimizerSnapshot optimizer,
        long seq,
        int asked,
        double fidelitySpent,
        double energyJoules,
        Instant startedAt,
        boolean stopped,
        boolean stopRequested,
        List<InFlight> inFlight) {

    public StudyRunState {
        inFlight = List.copyOf(inFlight);
    }
}
