package io.greenband.aggregator.driver;

import io.greenband.events.payload.GreenbandEvent;
import java.util.List;

/** Publishes events and returns once the broker has stored them (or throws). */
@FunctionalInterface
public interface EventPublisher {

    /** Publishes {@code events} in order, waiting for every acknowledgement. */
    void publish(List<? extends GreenbandEvent> events);

    /** A publisher that drops everything: for rebuilding views without re-announcing results. */
    static EventPublisher none() {
        return events -> {};
    }
}
