package io.greenband.aggregator.adapter.messaging;

import io.greenband.events.deadletter.RejectedEvent;
import io.greenband.events.deadletter.RejectedEvent.Reason;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.ObjectiveReported;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialProgress;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialSuggested;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the log vouches for a study or trial event before the engine sees it: the study
 * is defined on {@code studies}, the trial was suggested (and started, where the event needs it),
 * its life runs in order, and an id seen before carries the same payload (a redelivery) or is a
 * {@code CONFLICT} where the first stands. An event that depends on one the consumer has not
 * reached yet (another topic) is not refused: the {@link Log} is read to its end first and the
 * missing event handed over ahead of it.
 */
public final class LogIntegrity {

    /** What the other topics hold, read to their current end on demand. */
    public interface Log {
        /** The accepted definition of a study on {@code studies}. */
        Optional<StudyDefined> study(String studyId);

        /** The first suggestion of a trial on {@code trial-suggested}. */
        Optional<TrialSuggested> suggestion(String trialId);

        /** The start of a trial attempt on {@code trial-started}. */
        Optional<TrialStarted> started(String trialId, int attempt);
    }

    private final Log log;
    private final Map<String, GreenbandEvent> byId = new HashMap<>();
    private final Map<String, StudyDefined> studies = new HashMap<>();
    private final Map<String, TrialStarted> started = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final SampleIds sampleIds = new SampleIds();

    /** Integrity over {@code log}. */
    public LogIntegrity(Log log) {
        this.log = log;
    }

    /**
     * The events to apply for {@code event}: those it depends on that the engine has not seen, then
     * the event itself; throws {@link RejectedEvent} when the log does not vouch for it.
     */
    public synchronized List<GreenbandEvent> admit(GreenbandEvent event) {
        List<GreenbandEvent> apply = new ArrayList<>(3);
        if (event instanceof StudyDefined s) {
            StudyDefined first = studies.get(s.studyId());
            if (first != null && !first.equals(s)) {
                throw new RejectedEvent(
                        Reason.CONFLICT,
                        "study "
                                + s.studyId()
                                + " is already defined with fingerprint "
                                + first.fingerprint()
                                + "; this definition ("
                                + s.fingerprint()
                                + ") is refused, the first stands");
            }
            remember(s);
            apply.add(s);
            return apply;
        }
        String id = EventCodec.idFor(event);
        GreenbandEvent seen = byId.get(id);
        if (event instanceof TrialStarted s) {
            requireStudy(s.studyId(), apply);
            requireSuggested(s.studyId(), s.trialId(), s.attempt());
            // A trainer restarted mid-trial starts the same attempt again (same id, new pid and
            // time): a restart,
            // not a conflict, as long as the attempt has not ended.
            if (!s.equals(seen) && finished.contains(key(s.trialId(), s.attempt()))) {
                throw new RejectedEvent(
                        Reason.OUT_OF_ORDER,
                        "trial "
                                + s.trialId()
                                + " attempt "
                                + s.attempt()
                                + " starts again after it finished");
            }
            if (seen != null && !seen.equals(s)) {
                byId.put(id, s);
                started.put(key(s.trialId(), s.attempt()), s);
            }
        } else if (seen != null && !seen.equals(event)) {
            throw new RejectedEvent(
                    Reason.CONFLICT,
                    "event " + id + " was read before with a different payload; the first stands");
        }
        if (event instanceof TrialProgress p) {
            requireStudy(p.studyId(), apply);
            if (start(p.studyId(), p.trialId(), p.attempt(), apply).isEmpty()) {
                throw unknownTrial(p.trialId(), p.attempt(), "has no trial-started");
            }
        } else if (event instanceof TrialFinished f) {
            requireStudy(f.studyId(), apply);
            Optional<TrialStarted> s = start(f.studyId(), f.trialId(), f.attempt(), apply);
            if (s.isEmpty()) {
                // A trial declared failed before any trainer started it still needs its suggestion.
                requireSuggested(f.studyId(), f.trialId(), f.attempt());
            } else if (f.endedAt() != null && f.endedAt().isBefore(s.get().startedAt())) {
                throw new RejectedEvent(
                        Reason.OUT_OF_ORDER,
                        "trial "
                                + f.trialId()
                                + " attempt "
                                + f.attempt()
                                + " ends at "
                                + f.endedAt()
                                + ", before it started at "
                                + s.get().startedAt());
            }
        } else if (event instanceof ObjectiveReported o) {
            requireStudy(o.studyId(), apply);
            if (start(o.studyId(), o.trialId(), o.attempt(), apply).isEmpty()
                    && !finished.contains(key(o.trialId(), o.attempt()))) {
                throw unknownTrial(o.trialId(), o.attempt(), "was never started");
            }
        }
        remember(event);
        apply.add(event);
        return apply;
    }

    /**
     * The energy-sample ids read so far: a sample id read again with another payload is a {@code
     * CONFLICT}. Not under this object's lock: samples have their own consumer.
     */
    public SampleIds sampleIds() {
        return sampleIds;
    }

    /** Takes an event the engine already holds (restored below the committed offsets) as seen. */
    public synchronized void remember(GreenbandEvent event) {
        if (event instanceof StudyDefined s) {
            studies.putIfAbsent(s.studyId(), s);
            return;
        }
        byId.putIfAbsent(EventCodec.idFor(event), event);
        if (event instanceof TrialStarted s) {
            started.putIfAbsent(key(s.trialId(), s.attempt()), s);
        } else if (event instanceof TrialFinished f) {
            finished.add(key(f.trialId(), f.attempt()));
        }
    }

    private void requireStudy(String studyId, List<GreenbandEvent> apply) {
        if (studies.containsKey(studyId)) {
            return;
        }
        StudyDefined s =
                log.study(studyId)
                        .orElseThrow(
                                () ->
                                        new RejectedEvent(
                                                Reason.UNKNOWN_STUDY,
                                                "study "
                                                        + studyId
                                                        + " is not defined on studies (or its definition was refused)"));
        remember(s);
        apply.add(s);
    }

    private void requireSuggested(String studyId, String trialId, int attempt) {
        Optional<TrialSuggested> s = log.suggestion(trialId);
        if (s.isEmpty() || !s.get().studyId().equals(studyId)) {
            throw unknownTrial(
                    trialId,
                    attempt,
                    s.isEmpty()
                            ? "was never suggested"
                            : "was suggested for study " + s.get().studyId() + ", not " + studyId);
        }
    }

    private Optional<TrialStarted> start(
            String studyId, String trialId, int attempt, List<GreenbandEvent> apply) {
        TrialStarted s = started.get(key(trialId, attempt));
        if (s != null) {
            return Optional.of(s);
        }
        Optional<TrialStarted> found =
                log.started(trialId, attempt).filter(t -> t.studyId().equals(studyId));
        found.ifPresent(
                t -> {
                    // Its own topic is behind: the start is applied first, as the trainer published
                    // it first.
                    requireSuggested(studyId, trialId, attempt);
                    remember(t);
                    apply.add(t);
                });
        return found;
    }

    private static RejectedEvent unknownTrial(String trialId, int attempt, String why) {
        return new RejectedEvent(
                Reason.UNKNOWN_TRIAL, "trial " + trialId + " attempt " + attempt + " " + why);
    }

    private static String key(String trialId, int attempt) {
        return trialId + ":" + attempt;
    }
}
