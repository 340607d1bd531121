package io.greenband.cli.front;

import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialScored;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which {@code trial-scored} events the CLI believes: those from the aggregator's {@code ce_source}
 * ({@value #SOURCE_ENV} overrides it) for an attempt {@code trial-finished} holds, the first
 * payload of each id. A score read before its trial's end (another topic, read in another order)
 * waits for it. Anything else passes through unchanged; a forged score never reaches a front.
 */
public final class ScoreTrust {

    /** Environment variable naming the trusted scorer source. */
    public static final String SOURCE_ENV = "GREENBAND_SCORER_SOURCE";

    /** The aggregator's source. */
    public static final String DEFAULT_SOURCE = "/greenband/greenband-pareto-aggregator";

    private final String source;
    private final Set<String> finished = new HashSet<>();
    private final Map<String, List<ReceivedEvent>> waiting = new HashMap<>();
    private final Map<String, TrialScored> firstById = new HashMap<>();

    /** Trust in scores from {@code source}. */
    public ScoreTrust(String source) {
        this.source = source;
    }

    /** Trust in the source the environment names, else the aggregator's. */
    public static ScoreTrust fromEnvironment() {
        String s = System.getenv(SOURCE_ENV);
        return new ScoreTrust(s == null || s.isBlank() ? DEFAULT_SOURCE : s);
    }

    /**
     * The events to use for {@code event}: itself, a score released by a trial's end, or nothing
     * for a refused score.
     */
    public List<GreenbandEvent> admit(ReceivedEvent event) {
        List<GreenbandEvent> out = new ArrayList<>(1);
        if (event.payload() instanceof TrialScored s) {
            if (!source.equals(String.valueOf(event.source()))) {
                return out;
            }
            String key = s.trialId() + ":" + s.attempt();
            if (finished.contains(key)) {
                believe(event, s, out);
            } else {
                waiting.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
            }
            return out;
        }
        out.add(event.payload());
        if (event.payload() instanceof TrialFinished f
                && finished.add(f.trialId() + ":" + f.attempt())) {
            for (ReceivedEvent w :
                    waiting.getOrDefault(f.trialId() + ":" + f.attempt(), List.of())) {
                believe(w, (TrialScored) w.payload(), out);
            }
            waiting.remove(f.trialId() + ":" + f.attempt());
        }
        return out;
    }

    private void believe(ReceivedEvent event, TrialScored s, List<GreenbandEvent> out) {
        TrialScored first = firstById.putIfAbsent(event.id(), s);
        if (first == null || first.equals(s)) {
            out.add(s);
        }
    }
}
