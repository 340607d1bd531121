package io.greenband.cli.log;

import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.StudyScoped;
import io.greenband.events.topic.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks one study's events out of the log: every event whose payload names the study, plus the
 * energy samples whose record time falls inside the study's span (first event to last event +
 * {@link #ENERGY_GRACE_MS}), because energy samples are keyed by host, not study, and a replayed
 * aggregator needs them to attribute energy.
 */
public final class StudyEvents {

    /**
     * How long after a study's last event its energy samples are still taken, as the aggregator's
     * grace.
     */
    public static final long ENERGY_GRACE_MS = 60_000;

    private StudyEvents() {}

    /** The topics an export reads: all but dead-letter. */
    public static List<Topic> topics() {
        return Arrays.stream(Topic.values()).filter(t -> t != Topic.DEAD_LETTER).toList();
    }

    /** The study's events from a merged log, in its order. */
    public static List<LoggedEvent> select(List<LoggedEvent> log, String studyId) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (LoggedEvent e : log) {
            if (StudyScoped.studyOf(e.event().payload()).filter(studyId::equals).isPresent()) {
                first = Math.min(first, e.timestamp());
                last = Math.max(last, e.timestamp());
            }
        }
        List<LoggedEvent> out = new ArrayList<>();
        for (LoggedEvent e : log) {
            GreenbandEvent p = e.event().payload();
            boolean mine =
                    StudyScoped.studyOf(p).filter(studyId::equals).isPresent()
                            || (p instanceof EnergySample
                                    && e.timestamp() >= first
                                    && e.timestamp() <= last + ENERGY_GRACE_MS);
            if (mine) {
                out.add(e);
            }
        }
        return out;
    }
}
