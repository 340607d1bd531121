package io.greenband.events.kafka;

import io.cloudevents.kafka.CloudEventSerializer;
import io.greenband.events.payload.GreenbandEvent;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka value {@link Serializer} for any plain Kafka producer: writes the event as a binary-mode
 * CloudEvent ({@code ce_*} headers, JSON value) with the deterministic ce_id. Configure with {@code
 * value.serializer=io.greenband.events.kafka.GreenbandEventSerializer} and {@value #SOURCE_CONFIG}
 * (the ce_source); pair it with a {@code StringSerializer} key serializer and use {@link
 * io.greenband.events.payload.GreenbandEvent#key()} as the key.
 */
public final class GreenbandEventSerializer implements Serializer<GreenbandEvent> {

    /** Producer property naming the ce_source. */
    public static final String SOURCE_CONFIG = "greenband.events.source";

    /** The ce_source used when none is configured. */
    public static final String DEFAULT_SOURCE = "/greenband";

    private EventCodec codec;
    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    /** For Kafka's reflective instantiation; {@link #configure} sets the source. */
    public GreenbandEventSerializer() {
        this(EventCodec.forSource(DEFAULT_SOURCE));
    }

    /** With an explicit codec. */
    public GreenbandEventSerializer(EventCodec codec) {
        this.codec = codec;
        cloudEvents.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, "BINARY"), false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (isKey) {
            throw new IllegalArgumentException(
                    "GreenbandEventSerializer serializes values; use a StringSerializer for keys");
        }
        Object source = configs.get(SOURCE_CONFIG);
        if (source != null) {
            codec =
                    EventCodec.builder()
                            .setSource(source.toString())
                            .optRegistry(codec.registry())
                            .build();
        }
    }

    /** Not supported: binary mode needs headers, and producers always pass them. */
    @Override
    public byte[] serialize(String topic, GreenbandEvent data) {
        throw new UnsupportedOperationException(
                "binary-mode CloudEvents need record headers; call serialize(topic, headers, data)");
    }

    @Override
    public byte[] serialize(String topic, Headers headers, GreenbandEvent data) {
        if (data == null) {
            return null;
        }
        return cloudEvents.serialize(topic, headers, codec.toCloudEvent(data));
    }
}
