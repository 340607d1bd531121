package io.greenband.events.payload;

import java.util.Optional;

/**
 * An event that belongs to one study: every study and trial event, not energy samples or dead
 * letters.
 */
public interface StudyScoped {

    /** The study the event belongs to. */
    String studyId();

    /** The study {@code event} belongs to, empty for events of no study. */
    static Optional<String> studyOf(GreenbandEvent event) {
        return event instanceof StudyScoped s ? Optional.of(s.studyId()) : Optional.empty();
    }
}
