package io.greenband.suggester.driver;

import io.greenband.events.payload.GreenbandEvent;
import java.util.OptionalLong;

/**
 * An event the driver asks the service to publish.
 *
 * @param event the event
 * @param stamp for a decision (LOST, StudyStopped): the study's input sequence number at which
 *     every reader applies it; empty for plain outputs (trial-suggested)
 */
public record Emission(GreenbandEvent event, OptionalLong stamp) {

    /** A plain output. */
    public static Emission output(GreenbandEvent event) {
        return new Emission(event, OptionalLong.empty());
    }

    /** A decision applied at input sequence number {@code stamp}. */
    public static Emission decision(GreenbandEvent event, long stamp) {
        return new Emission(event, OptionalLong.of(stamp));
    }
}
