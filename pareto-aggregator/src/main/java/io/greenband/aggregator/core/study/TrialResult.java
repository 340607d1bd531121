package io.greenband.aggregator.core.study;

import io.greenband.aggregator.core.objective.ScoredTrial;
import io.greenband.pareto.StudyFronts;
import java.util.Optional;

/**
 * A scored trial and what it did to the study's fronts: the payload of a trial-scored event.
 *
 * @param scored the trial and its objective vector
 * @param pointId its id in the fronts
 * @param frontUpdate the update of its fidelity's front, empty when the vector is incomplete or
 *     failed
 * @param onTopFront whether it is on the front at the top fidelity right after scoring
 * @param logged whether {@code scored} is the score the log already held ({@link ScoreLog}), to be
 *     kept in the views but not published again
 */
public record TrialResult(
        ScoredTrial scored,
        String pointId,
        Optional<StudyFronts.Update> frontUpdate,
        boolean onTopFront,
        boolean logged) {

    /** A freshly computed result. */
    public TrialResult(
            ScoredTrial scored,
            String pointId,
            Optional<StudyFronts.Update> frontUpdate,
            boolean onTopFront) {
        this(scored, pointId, frontUpdate, onTopFront, false);
    }

    /** Whether it is on the front of its own fidelity right after scoring. */
    public boolean onFidelityFront() {
        return frontUpdate.map(u -> u.update().change().entered()).orElse(false);
    }
}
