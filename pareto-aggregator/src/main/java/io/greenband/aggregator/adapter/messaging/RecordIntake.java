package io.greenband.aggregator.adapter.messaging;

import io.greenband.events.payload.GreenbandEvent;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Full decoding with dead-lettering, as the consumers need it: the service's shared {@code
 * EventIntake} in production, a plain codec in the benchmark (which runs without the service kit).
 */
public interface RecordIntake {

    /** The record's event; empty when it does not decode (it has then been dead-lettered). */
    Optional<GreenbandEvent> decode(ConsumerRecord<String, byte[]> record);

    /** Dead-letters a record that decoded but cannot be handled. */
    void deadLetter(ConsumerRecord<String, byte[]> record, Throwable error);
}
