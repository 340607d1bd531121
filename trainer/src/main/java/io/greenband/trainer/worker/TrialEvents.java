package io.greenband.trainer.worker;

import io.greenband.events.payload.GreenbandEvent;
import java.util.concurrent.CompletableFuture;

/** Where a worker's events go; the future completes when the event is stored (or fails). */
@FunctionalInterface
public interface TrialEvents {

    /** Sends {@code event}; never throws, failures complete the future exceptionally. */
    CompletableFuture<Void> publish(GreenbandEvent event);
}
