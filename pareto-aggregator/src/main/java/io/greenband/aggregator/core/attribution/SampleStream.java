package io.greenband.aggregator.core.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The samples of one stream, ordered by window start; windows of one stream never overlap. */
final class SampleStream {

    /** A sample with its arrival number in the ledger (used to tell late samples apart). */
    record Stored(EnergySample sample, long arrival) {}

    private final TreeMap<Instant, Stored> byStart = new TreeMap<>();

    /** Whether the sample's window overlaps one already stored. */
    boolean overlapsStored(EnergySample s) {
        Map.Entry<Instant, Stored> floor = byStart.floorEntry(s.windowStart());
        if (floor != null && floor.getValue().sample().windowEnd().isAfter(s.windowStart())) {
            return true;
        }
        Map.Entry<Instant, Stored> ceiling = byStart.ceilingEntry(s.windowStart());
        return ceiling != null && ceiling.getKey().isBefore(s.windowEnd());
    }

    void add(Stored stored) {
        byStart.put(stored.sample().windowStart(), stored);
    }

    /** Stored samples whose window overlaps [from, to), in time order. */
    List<Stored> overlapping(Instant from, Instant to) {
        List<Stored> out = new ArrayList<>();
        if (!from.isBefore(to)) {
            return out;
        }
        Instant first = byStart.floorKey(from);
        for (Stored s : byStart.subMap(first == null ? from : first, true, to, false).values()) {
            if (s.sample().windowEnd().isAfter(from)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Nanoseconds of [from, to) covered by stored windows. */
    long coveredNanos(Instant from, Instant to) {
        long covered = 0;
        for (Stored s : overlapping(from, to)) {
            Instant a = max(from, s.sample().windowStart());
            Instant b = min(to, s.sample().windowEnd());
            covered += Duration.between(a, b).toNanos();
        }
        return covered;
    }

    /** Start of the earliest window, or null when empty. */
    Instant firstStart() {
        return byStart.isEmpty() ? null : byStart.firstKey();
    }

    /** End of the latest window, or null when empty. */
    Instant latestEnd() {
        return byStart.isEmpty() ? null : byStart.lastEntry().getValue().sample().windowEnd();
    }

    /** Removes and returns the samples whose window ends at or before {@code horizon}. */
    List<Stored> removeEndingBy(Instant horizon) {
        List<Stored> removed = new ArrayList<>();
        java.util.Iterator<Stored> it = byStart.headMap(horizon, false).values().iterator();
        while (it.hasNext()) {
            Stored s = it.next();
            if (!s.sample().windowEnd().isAfter(horizon)) {
                removed.add(s);
                it.remove();
            }
        }
        return removed;
    }

    Collection<Stored> all() {
        return byStart.values();
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
