package io.greenband.suggester.driver;

import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialProgress;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Routes decoded events to the {@link StudyRun} of their study. One owner: the messaging adapter's
 * consumer thread. Events of studies it does not know (not defined yet, or defined by another
 * fingerprint) are ignored.
 */
public final class SuggesterDriver {

    private final Map<String, StudyRun> runs = new LinkedHashMap<>();

    /**
     * Handles one event in log order.
     *
     * @param event the payload
     * @param stamp the decision stamp carried by the record, if any
     * @param recordTime the record's timestamp (the start time of a definition without {@code
     *     definedAt})
     * @param now the wall clock, used for leases only
     * @return what to publish
     */
    public List<Emission> onEvent(
            GreenbandEvent event, OptionalLong stamp, Instant recordTime, Instant now) {
        if (event instanceof StudyDefined defined) {
            return define(defined, recordTime, now);
        }
        StudyRun run = runs.get(io.greenband.events.payload.StudyScoped.studyOf(event).orElse(""));
        if (run == null) {
            return List.of();
        }
        if (stamp.isPresent()
                && (event instanceof StudyStopped || event instanceof TrialFinished)) {
            return run.onDecision(event, stamp.getAsLong(), now);
        }
        if (event instanceof StudyStopped) {
            run.onStopRequested();
        } else if (event instanceof TrialScored scored) {
            return run.onScored(scored, now);
        } else if (event instanceof TrialStarted started) {
            run.onHeartbeat(started.trialId(), started.attempt(), now);
        } else if (event instanceof TrialProgress progress) {
            run.onHeartbeat(progress.trialId(), progress.attempt(), now);
        } else if (event instanceof TrialFinished finished) {
            if (finished.status() == TrialStatus.LOST) {
                // A LOST verdict without a stamp (written by hand): apply it where it is read.
                return run.onDecision(finished, run.seq(), now);
            }
            run.onTrainerFinished(finished.trialId(), finished.attempt());
        }
        return List.of();
    }

    /**
     * The first wall-clock decision any study wants to make now (one at a time: each must be read
     * back).
     */
    public Optional<Emission> decide(Instant now) {
        for (StudyRun run : runs.values()) {
            Optional<Emission> d = run.decide(now);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** Adds a study resumed from a snapshot. */
    public void restore(StudyDefined definition, StudyRunState state, Instant now) {
        runs.put(definition.studyId(), StudyRun.restore(definition, state, now));
    }

    /** The run of a study, if known. */
    public Optional<StudyRun> run(String studyId) {
        return Optional.ofNullable(runs.get(studyId));
    }

    /** Every known study, in the order they were defined. */
    public Map<String, StudyRun> runs() {
        return Collections.unmodifiableMap(runs);
    }

    private List<Emission> define(StudyDefined defined, Instant recordTime, Instant now) {
        StudyRun existing = runs.get(defined.studyId());
        if (existing != null) {
            // Re-published definitions are idempotent; a changed one cannot take over a running
            // study.
            if (!existing.definition().fingerprint().equals(defined.fingerprint())) {
                throw new io.greenband.events.deadletter.RejectedEvent(
                        io.greenband.events.deadletter.RejectedEvent.Reason.CONFLICT,
                        "study "
                                + defined.studyId()
                                + " is already running with fingerprint "
                                + existing.definition().fingerprint().substring(0, 16)
                                + "; define a new studyId to change "
                                + "space, objectives, fidelity, scheduler or seed");
            }
            return List.of();
        }
        StudyRun run = StudyRun.start(defined, recordTime);
        runs.put(defined.studyId(), run);
        return new ArrayList<>(run.begin(now));
    }
}
