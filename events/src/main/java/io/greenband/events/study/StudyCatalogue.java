package io.greenband.events.study;

import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The studies of a {@code studies} topic, folded in log order: the one place the meaning of that
 * topic is written down. A definition (re)starts a study and clears an earlier stop, as the latest
 * event wins; a stop keeps the definition seen before it (or stands alone when compaction removed
 * the definition). Thread-safe.
 */
public final class StudyCatalogue {

    /**
     * One study as the log has it.
     *
     * @param studyId the study
     * @param definition its latest definition, null when only a stop was read
     * @param stop its stop, null while it runs
     */
    public record Entry(String studyId, StudyDefined definition, StudyStopped stop) {

        /** Whether a definition was read. */
        public boolean defined() {
            return definition != null;
        }

        /** Whether the study stopped. */
        public boolean stopped() {
            return stop != null;
        }
    }

    private final Map<String, Entry> studies = new LinkedHashMap<>();

    /**
     * Folds {@code event} in; false (and nothing changed) for an event that is not a study event.
     */
    public synchronized boolean apply(GreenbandEvent event) {
        if (event instanceof StudyDefined d) {
            studies.put(d.studyId(), new Entry(d.studyId(), d, null));
            return true;
        }
        if (event instanceof StudyStopped s) {
            Entry old = studies.get(s.studyId());
            studies.put(
                    s.studyId(), new Entry(s.studyId(), old == null ? null : old.definition(), s));
            return true;
        }
        return false;
    }

    /** The study, if any event of it was read. */
    public synchronized Optional<Entry> find(String studyId) {
        return Optional.ofNullable(studies.get(studyId));
    }

    /** Every study, in order of first appearance. */
    public synchronized List<Entry> list() {
        return List.copyOf(studies.values());
    }

    /** How many studies are known. */
    public synchronized int size() {
        return studies.size();
    }
}
