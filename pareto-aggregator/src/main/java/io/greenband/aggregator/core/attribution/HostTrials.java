package io.greenband.aggregator.core.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trial windows of one host, indexed so that the trials overlapping a sample window are found
 * without scanning the host's whole history: ended trials by start time (looking back as far as the
 * longest ended trial), running trials apart.
 */
final class HostTrials {

    private final Map<TrialKey, TrialWindow> byKey = new HashMap<>();
    private final TreeMap<Instant, Set<TrialKey>> endedByStart = new TreeMap<>();
    private final Set<TrialKey> running = new HashSet<>();
    private long longestEndedNanos;

    void put(TrialWindow window) {
        remove(window.key());
        byKey.put(window.key(), window);
        if (window.end().isPresent()) {
            endedByStart.computeIfAbsent(window.start(), s -> new HashSet<>()).add(window.key());
            long nanos = java.time.Duration.between(window.start(), window.end().get()).toNanos();
            longestEndedNanos = Math.max(longestEndedNanos, nanos);
        } else {
            running.add(window.key());
        }
    }

    void remove(TrialKey key) {
        TrialWindow old = byKey.remove(key);
        if (old == null) {
            return;
        }
        if (!running.remove(key)) {
            Set<TrialKey> atStart = endedByStart.get(old.start());
            atStart.remove(key);
            if (atStart.isEmpty()) {
                endedByStart.remove(old.start());
            }
        }
    }

    /** Windows overlapping [from, to). */
    List<TrialWindow> overlapping(Instant from, Instant to) {
        List<TrialWindow> out = new ArrayList<>();
        for (TrialKey key : running) {
            TrialWindow w = byKey.get(key);
            if (w.overlaps(from, to)) {
                out.add(w);
            }
        }
        Instant earliest = from.minusNanos(longestEndedNanos);
        for (Set<TrialKey> keys : endedByStart.subMap(earliest, true, to, false).values()) {
            for (TrialKey key : keys) {
                TrialWindow w = byKey.get(key);
                if (w.overlaps(from, to)) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
