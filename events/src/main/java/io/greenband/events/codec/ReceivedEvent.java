package io.greenband.events.codec;

import io.greenband.events.EventType;
import io.greenband.events.payload.GreenbandEvent;
import java.net.URI;
import java.time.Instant;

/**
 * A decoded event with its envelope: the CloudEvents id (the idempotency key), source, time and
 * subject.
 *
 * @param id ce_id
 * @param source ce_source
 * @param type the event type
 * @param time ce_time, null when the producer sent none
 * @param subject ce_subject, null when the producer sent none
 * @param payload the validated payload record
 */
public record ReceivedEvent(
        String id,
        URI source,
        EventType type,
        Instant time,
        String subject,
        GreenbandEvent payload) {

    /** The payload as {@code type}; fails with a clear message if it is another type. */
    public <T extends GreenbandEvent> T payload(Class<T> type) {
        if (!type.isInstance(payload)) {
            throw new IllegalStateException(
                    "event "
                            + id
                            + " carries "
                            + this.type.ceType()
                            + ", not "
                            + type.getSimpleName());
        }
        return type.cast(payload);
    }
}
