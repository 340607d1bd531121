package io.greenband.pareto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hypervolume over time for one front: one entry each time the front or its frame changed. Appended
 * by its owner only.
 */
public final class HypervolumeHistory {

    /**
     * One recorded value.
     *
     * @param sequence number of distinct points observed when it was recorded
     * @param at event time of the point that caused it
     * @param pointId that point's id
     * @param frontSize members of the front at that time
     * @param hypervolume the value, in the frame of that time
     * @param frame the frame it was measured in
     */
    public record Entry(
            long sequence,
            Instant at,
            String pointId,
            int frontSize,
            double hypervolume,
            HypervolumeFrame frame) {}

    /** A point with the time it arrived, for {@link #replay}. */
    public record Arrival(ParetoPoint point, Instant at) {}

    private final List<Entry> entries = new ArrayList<>();

    /** Appends an entry. */
    public void append(Entry entry) {
        entries.add(entry);
    }

    /** All entries, oldest first. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The newest entry, if any. */
    public Optional<Entry> latest() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    /** Number of entries. */
    public int size() {
        return entries.size();
    }

    /**
     * Recomputes a history under one frame (for example the derived frame of the final data), so
     * every value is comparable: one entry per arrival that changed the front.
     */
    public static HypervolumeHistory replay(List<Arrival> arrivals, HypervolumeFrame frame) {
        HypervolumeHistory history = new HypervolumeHistory();
        if (arrivals.isEmpty()) {
            return history;
        }
        ParetoFront front = new ParetoFront(arrivals.get(0).point().dimension());
        for (Arrival a : arrivals) {
            FrontChange change = front.add(a.point());
            if (change.frontChanged()) {
                history.append(
                        new Entry(
                                front.observedCount(),
                                a.at(),
                                a.point().id(),
                                front.size(),
                                frame.hypervolume(front.members()),
                                frame));
            }
        }
        return history;
    }
}
