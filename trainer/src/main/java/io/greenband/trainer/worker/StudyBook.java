package io.greenband.trainer.worker;

import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.study.StudyCatalogue;
import java.util.Optional;

/**
 * The studies a trainer has read from the {@code studies} topic, folded by the shared {@link
 * StudyCatalogue} (latest event per study), seen as what a trainer needs of each. Written by the
 * reader of that topic, read when a trial arrives.
 */
public final class StudyBook {

    private final StudyCatalogue catalogue = new StudyCatalogue();

    /** Records a (re-)definition: it also clears an earlier stop, as the latest event wins. */
    public void define(StudyDefined study) {
        catalogue.apply(study);
    }

    /** Records a stop, keeping the definition when one was seen. */
    public void stop(StudyStopped stopped) {
        catalogue.apply(stopped);
    }

    /** The study, if any event of it was read. */
    public Optional<StudyEntry> find(String studyId) {
        return catalogue.find(studyId).map(StudyBook::entry);
    }

    /** How many studies are known. */
    public int size() {
        return catalogue.size();
    }

    private static StudyEntry entry(StudyCatalogue.Entry e) {
        String reason =
                e.stop() == null
                        ? null
                        : e.stop().reason()
                                + (e.stop().detail() == null ? "" : " (" + e.stop().detail() + ")");
        if (e.definition() == null) {
            return new StudyEntry(e.studyId(), null, null, reason);
        }
        StudyEntry defined = StudyEntry.of(e.definition());
        return new StudyEntry(
                defined.studyId(), defined.workload(), defined.knob(), reason, defined.metrics());
    }
}
