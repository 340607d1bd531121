package io.greenband.aggregator.driver;

import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.emissions.IntensityResolver;
import io.greenband.aggregator.core.emissions.StudyCarbon;
import io.greenband.aggregator.core.study.ScoreLog;
import io.greenband.aggregator.core.study.StudyScoring;
import io.greenband.events.payload.Objective;
import io.greenband.events.payload.StudyDefined;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What the engine keeps per study: its scoring and the attempts seen.
 *
 * @param scoring the study's core scoring
 * @param fingerprint its definition's fingerprint (travels with every trial-scored)
 * @param started attempts seen starting
 * @param finished attempts seen ending
 * @param scored attempts scored
 */
record StudyState(
        StudyScoring scoring,
        String fingerprint,
        Set<TrialKey> started,
        Set<TrialKey> finished,
        Set<TrialKey> scored) {

    /**
     * The scoring of a newly defined study: its objectives, carbon, maximum fidelity and reference
     * point; {@code log} holds the scores its log already has.
     */
    static StudyState of(StudyDefined e, IntensityResolver intensities, ScoreLog log) {
        // The study's own reference point fixes every front's frame; without one, fronts derive
        // theirs.
        StudyScoring scoring =
                new StudyScoring(
                        e.studyId(),
                        EventMapping.plan(e),
                        new StudyCarbon(EventMapping.carbon(e.carbon()), intensities),
                        OptionalDouble.of(e.fidelity().max()),
                        e.referencePoint(),
                        log);
        return new StudyState(
                scoring, e.fingerprint(), new HashSet<>(), new HashSet<>(), new HashSet<>());
    }

    static StoredStudy stored(StudyDefined e) {
        return new StoredStudy(
                e.studyId(),
                e.name(),
                e.objectives().stream().map(Objective::name).toList(),
                e.objectives().stream()
                        .map(o -> o.direction().name().toLowerCase(Locale.ROOT))
                        .toList(),
                e.fingerprint(),
                e.fidelity().max(),
                e.definedAt(),
                Optional.empty(),
                "",
                e.objectives().stream().map(o -> o.unit() == null ? "" : o.unit()).toList());
    }
}
