package io.greenband.cli.study;

import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;

/**
 * One study as the {@code studies} topic tells it: its latest definition (null when compaction kept
 * only the stop) and its stop, if any.
 *
 * @param studyId the study
 * @param definition latest definition, may be null
 * @param stopped the stop, or null while it runs
 */
public record StudyEntry(String studyId, StudyDefined definition, StudyStopped stopped) {

    /** {@code RUNNING} or {@code STOPPED (<reason>)}. */
    public String state() {
        return stopped == null
                ? "RUNNING"
                : "STOPPED (" + stopped.reason().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    /** The short fingerprint, or {@code -} when the definition is no longer in the topic. */
    public String shortFingerprint() {
        return definition == null ? "-" : definition.fingerprint().substring(0, 12);
    }
}
