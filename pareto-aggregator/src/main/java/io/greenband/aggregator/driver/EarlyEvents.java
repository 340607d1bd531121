package io.greenband.aggregator.driver;

import io.greenband.events.payload.GreenbandEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trial events read before their study's definition (the topics are read by separate consumers),
 * held until the definition arrives. The intake admits only events of studies the log defines, so
 * each is released eventually.
 */
final class EarlyEvents {

    private final Map<String, List<GreenbandEvent>> byStudy = new HashMap<>();

    /** Holds an event of a study not defined yet. */
    void hold(String studyId, GreenbandEvent event) {
        byStudy.computeIfAbsent(studyId, k -> new ArrayList<>()).add(event);
    }

    /** The events held for a study, in arrival order; they are no longer held. */
    List<GreenbandEvent> release(String studyId) {
        List<GreenbandEvent> held = byStudy.remove(studyId);
        return held == null ? List.of() : held;
    }

    /** Number of events held. */
    int size() {
        return byStudy.values().stream().mapToInt(List::size).sum();
    }
}
