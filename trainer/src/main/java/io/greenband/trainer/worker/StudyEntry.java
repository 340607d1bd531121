package io.greenband.trainer.worker;

import io.greenband.events.payload.Fidelity;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.Workload;
import java.util.List;
import java.util.Objects;

/**
 * What a trainer needs to know about a study: what to train and which knob the fidelity value sets.
 *
 * @param studyId the study
 * @param workload backend and data set; null when only a stop was seen (the definition was
 *     compacted away)
 * @param knob the fidelity knob; null with the workload
 * @param stopReason why the study stopped, or null while it runs
 * @param metrics the metric names the study's objectives read ({@code metric:<name>} sources),
 *     empty when unknown
 */
public record StudyEntry(
        String studyId,
        Workload workload,
        Fidelity.Knob knob,
        String stopReason,
        List<String> metrics) {

    /** Checks the id. */
    public StudyEntry {
        Objects.requireNonNull(studyId, "studyId");
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /** An entry without metric names. */
    public StudyEntry(String studyId, Workload workload, Fidelity.Knob knob, String stopReason) {
        this(studyId, workload, knob, stopReason, List.of());
    }

    /** The entry of a definition. */
    public static StudyEntry of(StudyDefined study) {
        List<String> metrics =
                study.objectives().stream()
                        .map(o -> o.source())
                        .filter(src -> src.startsWith("metric:"))
                        .map(src -> src.substring("metric:".length()))
                        .toList();
        return new StudyEntry(
                study.studyId(), study.workload(), study.fidelity().knob(), null, metrics);
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
