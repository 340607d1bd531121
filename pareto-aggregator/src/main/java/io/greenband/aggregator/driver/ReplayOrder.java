package io.greenband.aggregator.driver;

import io.greenband.events.payload.GreenbandEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a replay feeds events read from several topics to the {@link ScoringEngine}.
 */
public final class ReplayOrder {

    private ReplayOrder() {}

    /**
     * Events by event time; at equal times a study definition first, then samples (a sample ending
     * when a trial ends belongs to it), then the rest in {@code EventType} order.
     */
    public static List<GreenbandEvent> of(List<GreenbandEvent> events) {
        List<GreenbandEvent> sorted = new ArrayList<>(events);
        sorted.sort(
                Comparator.comparing(GreenbandEvent::occurredAt)
                        .thenComparingInt(ReplayOrder::rank));
        return sorted;
    }

    private static int rank(GreenbandEvent e) {
        return switch (e.type()) {
            case STUDY_DEFINED -> 0;
            case ENERGY_SAMPLE -> 1;
            default -> 2 + e.type().ordinal();
        };
    }

    /** Feeds {@code events} to {@code engine} one by one (it settles after each). */
    public static void feed(List<GreenbandEvent> events, ScoringEngine engine) {
        for (GreenbandEvent e : events) {
            engine.accept(e);
        }
    }
}
