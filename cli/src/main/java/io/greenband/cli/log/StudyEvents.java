package io.greenband.cli.log;

import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.ObjectiveReported;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialProgress;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Picks one study's events out of the log: every event whose payload names the study, plus the energy samples whose
 * record time falls inside the study's span (first event to last event + {@link #ENERGY_GRACE_MS}), because energy
 * samples are keyed by host, not study, and a replayed aggregator needs them to attribute energy.
 */
public final class StudyEvents {

    /** How long after a study's last event its energy samples are still taken, as the aggregator's grace. */
    public static final long ENERGY_GRACE_MS = 60_000;

    private StudyEvents() {
    }

    /** The topics an export reads: all but dead-letter. */
    public static List<Topic> topics() {
        return Arrays.stream(Topic.values()).filter(t -> t != Topic.DEAD_LETTER).toList();
    }

    /** The study's events from a merged log, in its order. */
    public static List<LoggedEvent> select(List<LoggedEvent> log, String studyId) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (LoggedEvent e : log) {
            if (studyOf(e.event().payload()).filter(studyId::equals).isPresent()) {
                first = Math.min(first, e.timestamp());
                last = Math.max(last, e.timestamp());
            }
        }
        List<LoggedEvent> out = new ArrayList<>();
        for (LoggedEvent e : log) {
            GreenbandEvent p = e.event().payload();
            boolean mine = studyOf(p).filter(studyId::equals).isPresent()
                    || (p instanceof EnergySample && e.timestamp() >= first && e.timestamp() <= last + ENERGY_GRACE_MS);
            if (mine) {
                out.add(e);
            }
        }
        return out;
    }

    /** The study an event belongs to, if it belongs to one. */
    public static Optional<String> studyOf(GreenbandEvent p) {
        if (p instanceof StudyDefined d) {
            return Optional.of(d.studyId());
        } else if (p instanceof StudyStopped s) {
            return Optional.of(s.studyId());
        } else if (p instanceof TrialSuggested s) {
            return Optional.of(s.studyId());
        } else if (p instanceof TrialStarted s) {
            return Optional.of(s.studyId());
        } else if (p instanceof TrialProgress s) {
            return Optional.of(s.studyId());
        } else if (p instanceof TrialFinished s) {
            return Optional.of(s.studyId());
        } else if (p instanceof ObjectiveReported s) {
            return Optional.of(s.studyId());
        } else if (p instanceof TrialScored s) {
            return Optional.of(s.studyId());
        }
        return Optional.empty();
    }
}
