package io.greenband.aggregator.driver;

import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.objective.Direction;
import io.greenband.aggregator.core.objective.ObjectiveValue;
import io.greenband.aggregator.core.objective.ScoredTrial;
import io.greenband.aggregator.core.study.ScoreLog;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code trial-scored} events already in the log, by study and trial attempt: what a restarted
 * aggregator (or one fed an import) adopts instead of publishing a second score for the same
 * attempt.
 */
public interface LoggedScores {

    /** The logged score of one attempt with the highest revision, if any, read up to now. */
    Optional<TrialScored> find(String studyId, String trialId, int attempt);

    /** No scores logged (scoring without a log, as in tests of the scoring itself). */
    static LoggedScores none() {
        return (studyId, trialId, attempt) -> Optional.empty();
    }

    /** This log seen by one study's scoring. */
    default ScoreLog of(String studyId) {
        return key -> find(studyId, key.trialId(), key.attempt()).map(LoggedScores::scored);
    }

    /**
     * A logged event as the core's scored trial (values as reported; energy figures stay with the
     * event).
     */
    static ScoredTrial scored(TrialScored e) {
        List<ObjectiveValue> values = new ArrayList<>(e.objectives().size());
        for (TrialScored.ObjectiveValue v : e.objectives()) {
            OptionalDouble value =
                    v.missing() || v.value() == null
                            ? OptionalDouble.empty()
                            : OptionalDouble.of(v.value());
            values.add(
                    new ObjectiveValue(
                            v.name(),
                            Direction.valueOf(v.direction().name()),
                            value,
                            false,
                            value.isPresent() ? "" : "missing in the logged score"));
        }
        ScoredTrial.Status status =
                e.status() == TrialStatus.SUCCEEDED
                        ? ScoredTrial.Status.SCORED
                        : ScoredTrial.Status.FAILED;
        return new ScoredTrial(
                new TrialKey(e.trialId(), e.attempt()),
                e.fidelity(),
                status,
                values,
                Optional.empty(),
                "as logged",
                e.scoredAt(),
                e.revision());
    }
}
