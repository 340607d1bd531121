package io.greenband.events.kafka;

import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.payload.GreenbandEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka value {@link Deserializer} for any plain Kafka consumer: reads a CloudEvent of ours and
 * returns its validated payload, or throws {@link EventDecodingException}.
 *
 * <p>Kafka turns a deserializer exception into a {@code RecordDeserializationException} that blocks
 * the partition until the consumer seeks past the record. Consumers that must never stop on a bad
 * record should read {@code byte[]} values and decode with {@link EventCodec} (as the service kit's
 * intake path does) instead.
 */
public final class GreenbandEventDeserializer implements Deserializer<GreenbandEvent> {

    private final EventCodec codec;

    /** For Kafka's reflective instantiation. */
    public GreenbandEventDeserializer() {
        this(EventCodec.forSource(GreenbandEventSerializer.DEFAULT_SOURCE));
    }

    /** With an explicit codec. */
    public GreenbandEventDeserializer(EventCodec codec) {
        this.codec = codec;
    }

    /** Not supported: binary mode needs headers, and consumers always pass them. */
    @Override
    public GreenbandEvent deserialize(String topic, byte[] data) {
        throw EventDecodingException.missingHeader(
                "ce_specversion", "record headers (binary-mode CloudEvent)");
    }

    @Override
    public GreenbandEvent deserialize(String topic, Headers headers, byte[] data) {
        return codec.decode(headers, data).payload();
    }
}
