package io.greenband.trainer.worker;

import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The studies a trainer has read from the {@code studies} topic, latest event per study. Written by the
 * reader of that topic, read when a trial arrives.
 */
public final class StudyBook {

    private final Map<String, StudyEntry> studies = new ConcurrentHashMap<>();

    /** Records a (re-)definition: it also clears an earlier stop, as the latest event wins. */
    public void define(StudyDefined study) {
        studies.put(study.studyId(), StudyEntry.of(study));
    }

    /** Records a stop, keeping the definition when one was seen. */
    public void stop(StudyStopped stopped) {
        String reason = stopped.reason() + (stopped.detail() == null ? "" : " (" + stopped.detail() + ")");
        studies.merge(stopped.studyId(), new StudyEntry(stopped.studyId(), null, null, reason),
                (old, stop) -> new StudyEntry(old.studyId(), old.workload(), old.knob(), reason, old.metrics()));
    }

    /** The study, if any event of it was read. */
    public Optional<StudyEntry> find(String studyId) {
        return Optional.ofNullable(studies.get(studyId));
    }

    /** How many studies are known. */
    public int size() {
        return studies.size();
    }
}
