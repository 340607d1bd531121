package io.greenband.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.greenband.events.EventType;
import io.greenband.events.SampleEvents;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.topic.TopicRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventCodecTest {

    private final EventCodec codec = EventCodec.builder()
            .setSource("/greenband/test")
            .optRegistry(TopicRegistry.withPrefix("t1."))
            .optClock(Clock.fixed(SampleEvents.T0, ZoneOffset.UTC))
            .optValidateOnEncode(true)
            .build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeRoundTripsThroughCloudEventAndKafkaRecord(EventType type) {
        GreenbandEvent sample = SampleEvents.of(type);

        CloudEvent ce = codec.toCloudEvent(sample);
        ProducerRecord<String, byte[]> sent = codec.toRecord(sample);
        ConsumerRecord<String, byte[]> received = SampleEvents.asConsumed(sent, 0, 5);
        ReceivedEvent decoded = codec.decode(received);

        assertThat(decoded.payload()).isEqualTo(sample);
        assertThat(decoded.type()).isEqualTo(type);
        assertThat(decoded.id()).isEqualTo(type.kebabName() + ":" + sample.naturalId()).isEqualTo(ce.getId());
        assertThat(decoded.subject()).isEqualTo(sample.subject());
        assertThat(decoded.source()).hasToString("/greenband/test");
        assertThat(sent.topic()).isEqualTo("t1." + type.topic().defaultName());
        assertThat(sent.key()).isEqualTo(sample.key());
        assertThat(header(sent, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(sent, "ce_type")).isEqualTo("io.greenband." + type.kebabName() + ".v1");
        assertThat(header(sent, "ce_id")).isEqualTo(ce.getId());
        assertThat(header(sent, "ce_source")).isEqualTo("/greenband/test");
        assertThat(header(sent, "ce_subject")).isEqualTo(sample.subject());
        assertThat(header(sent, "ce_time")).isNotBlank();
        assertThat(header(sent, "content-type")).isEqualTo("application/json");
        JsonNode json = EventJson.mapper().valueToTree(sample);
        assertThat(EventSchemas.get().validate(type, json)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void missingRequiredFieldIsRejectedNamingIt(EventType type) {
        ObjectNode json = EventJson.mapper().valueToTree(SampleEvents.of(type));
        String required = EventSchemas.get().schema(type).get("required").get(0).asText();
        json.remove(required);

        assertThatThrownBy(() -> codec.decodePayload(type, bytes(json)))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EventDecodingException.Kind.SCHEMA_VIOLATION);
                    assertThat(e.pointer()).isEqualTo("/" + required);
                    assertThat(e.getMessage()).contains(required);
                });
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void wronglyTypedFieldIsRejectedNamingIt(EventType type) {
        ObjectNode json = EventJson.mapper().valueToTree(SampleEvents.of(type));
        String required = EventSchemas.get().schema(type).get("required").get(0).asText();
        json.putArray(required).add(1);

        assertThatThrownBy(() -> codec.decodePayload(type, bytes(json)))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EventDecodingException.Kind.SCHEMA_VIOLATION);
                    assertThat(e.pointer()).isEqualTo("/" + required);
                    assertThat(e.getMessage()).startsWith(type.kebabName() + " /" + required + ": ");
                });
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownFieldsAreTolerated(EventType type) {
        GreenbandEvent sample = SampleEvents.of(type);
        ObjectNode json = EventJson.mapper().valueToTree(sample);
        json.put("addedInV1_7", "whatever");
        json.putObject("futureSection").put("x", 1);

        assertThat(codec.decodePayload(type, bytes(json))).isEqualTo(sample);
    }

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String header(ProducerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
