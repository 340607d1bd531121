package io.greenband.servicekit.intake;

import io.greenband.events.codec.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a consumer does with an event that passed the intake's checks. Throwing {@code
 * RejectedEvent}, {@code IllegalArgumentException} or another fault of the record's content
 * dead-letters the record; any other exception (a store or broker failure) stops the consumer
 * without committing, so the record is read again.
 */
@FunctionalInterface
public interface EventHandler {

    /** Applies {@code event}, decoded from {@code record}. */
    void handle(ReceivedEvent event, ConsumerRecord<String, byte[]> record) throws Exception;
}
