package io.greenband.aggregator.driver;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StudyStore} in memory with the MongoDB store's semantics: a study saved again keeps its
 * stop state, a stop of an unknown study changes nothing, runs are keyed by {@code
 * studyId/trialId#attempt}. Thread-safe.
 */
public final class InMemoryStudyStore implements StudyStore {

    private final Map<String, StoredStudy> studies = new LinkedHashMap<>();
    private final Map<String, StoredRun> runs = new LinkedHashMap<>();

    @Override
    public synchronized void saveStudy(StoredStudy s) {
        StoredStudy old = studies.get(s.studyId());
        studies.put(
                s.studyId(),
                new StoredStudy(
                        s.studyId(),
                        s.name(),
                        s.objectives(),
                        s.directions(),
                        s.fingerprint(),
                        s.maxFidelity(),
                        s.definedAt(),
                        old == null ? Optional.empty() : old.stoppedAt(),
                        old == null ? "" : old.stopReason()));
    }

    @Override
    public synchronized void markStopped(String studyId, Instant at, String reason) {
        studies.computeIfPresent(
                studyId,
                (id, s) ->
                        new StoredStudy(
                                s.studyId(),
                                s.name(),
                                s.objectives(),
                                s.directions(),
                                s.fingerprint(),
                                s.maxFidelity(),
                                s.definedAt(),
                                Optional.of(at),
                                reason));
    }

    @Override
    public synchronized void saveRun(StoredRun r) {
        runs.put(r.studyId() + "/" + r.trialId() + "#" + r.attempt(), r);
    }

    /** Every study, in order of first definition. */
    public synchronized List<StoredStudy> studies() {
        return List.copyOf(studies.values());
    }

    /** One study. */
    public synchronized Optional<StoredStudy> study(String studyId) {
        return Optional.ofNullable(studies.get(studyId));
    }

    /** A study's runs by {@code trialId#attempt}, in order of first start. */
    public synchronized Map<String, StoredRun> runs(String studyId) {
        Map<String, StoredRun> out = new LinkedHashMap<>();
        runs.forEach(
                (id, r) -> {
                    if (r.studyId().equals(studyId)) {
                        out.put(r.trialId() + "#" + r.attempt(), r);
                    }
                });
        return out;
    }
}
