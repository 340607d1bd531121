package io.greenband.cli.study;

import io.greenband.cli.CliException;
import io.greenband.cli.log.KafkaLog;
import io.greenband.cli.log.LoggedEvent;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.study.StudyCatalogue;
import io.greenband.events.topic.Topic;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The studies known to a stack, folded in log order from the {@code studies} topic, and the two
 * writes the command makes there: defining a study (refusing a different definition under an
 * existing id) and stopping one.
 */
public final class StudyDirectory {

    /** What {@link #define} did. */
    public enum Outcome {
        /** The definition was published. */
        PUBLISHED,
        /** The same definition (same fingerprint) was already there: nothing was published. */
        ALREADY_DEFINED
    }

    private final KafkaLog log;

    public StudyDirectory(KafkaLog log) {
        this.log = log;
    }

    /** Every study, in order of first appearance (folded by the shared {@link StudyCatalogue}). */
    public List<StudyEntry> list() {
        StudyCatalogue catalogue = new StudyCatalogue();
        for (LoggedEvent e : log.readAll(List.of(Topic.STUDIES))) {
            catalogue.apply(e.event().payload());
        }
        return catalogue.list().stream()
                .map(e -> new StudyEntry(e.studyId(), e.definition(), e.stop()))
                .toList();
    }

    /** One study, if known. */
    public Optional<StudyEntry> find(String studyId) {
        return list().stream().filter(s -> s.studyId().equals(studyId)).findFirst();
    }

    /** One study, or a not-found error listing what exists. */
    public StudyEntry get(String studyId) {
        List<StudyEntry> all = list();
        return all.stream()
                .filter(s -> s.studyId().equals(studyId))
                .findFirst()
                .orElseThrow(
                        () ->
                                CliException.notFound(
                                        "no study '"
                                                + studyId
                                                + "' on topic '"
                                                + log.topics().name(Topic.STUDIES)
                                                + "'; known: "
                                                + (all.isEmpty()
                                                        ? "none"
                                                        : all.stream()
                                                                .map(StudyEntry::studyId)
                                                                .toList())));
    }

    /**
     * Publishes {@code study} unless a study with its id exists: the same fingerprint is left
     * alone, a different one is refused with both fingerprints named.
     */
    public Outcome define(StudyDefined study) {
        Optional<StudyEntry> existing = find(study.studyId());
        if (existing.isPresent() && existing.get().definition() != null) {
            String had = existing.get().definition().fingerprint();
            if (had.equals(study.fingerprint())) {
                return Outcome.ALREADY_DEFINED;
            }
            throw CliException.conflict(
                    "study '"
                            + study.studyId()
                            + "' already exists with another definition "
                            + "(fingerprint "
                            + had.substring(0, 12)
                            + ", this file "
                            + study.fingerprint().substring(0, 12)
                            + "); give the study a new studyId, or use a fresh data directory");
        }
        log.publish(List.of(withTime(study)));
        return Outcome.PUBLISHED;
    }

    /** Publishes a stop for a known, running study. */
    public StudyStopped stop(String studyId, StudyStopped.Reason reason, String detail) {
        StudyEntry entry = get(studyId);
        if (entry.stopped() != null) {
            throw CliException.conflict("study '" + studyId + "' is already " + entry.state());
        }
        StudyStopped stop = new StudyStopped(studyId, reason, detail, Instant.now());
        log.publish(List.of(stop));
        return stop;
    }

    private static StudyDefined withTime(StudyDefined s) {
        if (s.definedAt() != null) {
            return s;
        }
        return new StudyDefined(
                s.studyId(),
                s.name(),
                s.description(),
                s.labels(),
                s.space(),
                s.objectives(),
                s.fidelity(),
                s.scheduler(),
                s.budget(),
                s.carbon(),
                s.seed(),
                s.workload(),
                Instant.now());
    }
}
