package io.greenband.aggregator.core.study;

import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.objective.ScoredTrial;
import java.util.Optional;

/**
 * The scores a study's log already holds. A trial attempt scored there (before a crash, or imported
 * with its score) keeps that score: scoring it again from re-read events adopts the logged one
 * instead of publishing a second, possibly different, result.
 */
@FunctionalInterface
public interface ScoreLog {

    /** The score the log holds for {@code key}, if any. */
    Optional<ScoredTrial> logged(TrialKey key);

    /** A log holding no scores. */
    static ScoreLog none() {
        return key -> Optional.empty();
    }
}
