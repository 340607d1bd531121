package io.greenband.trainer.worker;

import io.greenband.events.payload.Fidelity;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.Workload;
import java.util.Objects;

/**
 * What a trainer needs to know about a study: what to train and which knob the fidelity value sets.
 *
 * @param studyId the study
 * @param workload backend and data set; null when only a stop was seen (the definition was compacted away)
 * @param knob the fidelity knob; null with the workload
 * @param stopReason why the study stopped, or null while it runs
 */
public record StudyEntry(String studyId, Workload workload, Fidelity.Knob knob, String stopReason) {

    /** Checks the id. */
    public StudyEntry {
        Objects.requireNonNull(studyId, "studyId");
    }

    /** The entry of a definition. */
    public static StudyEntry of(StudyDefined study) {
        return new StudyEntry(study.studyId(), study.workload(), study.fidelity().knob(), null);
    }

    /** Whether a definition was seen. */
    public boolean defined() {
        return workload != null;
    }

    /** Whether the study was stopped. */
    public boolean stopped() {
        return stopReason != null;
    }
}
