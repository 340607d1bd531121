package io.greenband.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.greenband.events.EventType;
import io.greenband.events.SampleEvents;
import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.codec.EventJson;
import io.greenband.events.codec.EventSchemas;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.Direction;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.InvalidFieldException;
import io.greenband.events.payload.Objective;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.topic.TopicRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventCodecTest {

    private final EventCodec codec =
            EventCodec.builder()
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
        ConsumerRecord<String, byte[]> received = ConsumedRecords.asConsumed(sent, 0, 5);
        ReceivedEvent decoded = codec.decode(received);

        assertThat(decoded.payload()).isEqualTo(sample);
        assertThat(decoded.type()).isEqualTo(type);
        assertThat(decoded.id())
                .isEqualTo(type.kebabName() + ":" + sample.naturalId())
                .isEqualTo(ce.getId());
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
                .isInstanceOfSatisfying(
                        EventDecodingException.class,
                        e -> {
                            assertThat(e.kind())
                                    .isEqualTo(EventDecodingException.Kind.SCHEMA_VIOLATION);
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
                .isInstanceOfSatisfying(
                        EventDecodingException.class,
                        e -> {
                            assertThat(e.kind())
                                    .isEqualTo(EventDecodingException.Kind.SCHEMA_VIOLATION);
                            assertThat(e.pointer()).isEqualTo("/" + required);
                            assertThat(e.getMessage())
                                    .startsWith(type.kebabName() + " /" + required + ": ");
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

    @Test
    void referencePointTravelsWithTheStudyDefinition() {
        StudyDefined referenced = SampleEvents.studyDefinedWithReference();
        ProducerRecord<String, byte[]> sent = codec.toRecord(referenced);

        StudyDefined back =
                codec.decode(ConsumedRecords.asConsumed(sent, 0, 5)).payload(StudyDefined.class);

        assertThat(back).isEqualTo(referenced);
        assertThat(back.referencePoint())
                .hasValueSatisfying(r -> assertThat(r).containsExactly(1.0, 2.0));
        assertThat(new String(sent.value(), StandardCharsets.UTF_8))
                .contains("\"reference\":1.0", "\"reference\":2.0");
        // Another reference point is another definition: it must not share the first one's
        // idempotency key.
        assertThat(header(sent, "ce_id"))
                .isNotEqualTo(header(codec.toRecord(SampleEvents.studyDefined()), "ce_id"));
    }

    @Test
    void studyWithoutReferencesIsWrittenAsBeforeAndHasNoReferencePoint() {
        StudyDefined plain = SampleEvents.studyDefined();

        assertThat(new String(codec.toRecord(plain).value(), StandardCharsets.UTF_8))
                .doesNotContain("reference");
        assertThat(plain.referencePoint()).isEmpty();
    }

    @Test
    void partialOrMistypedReferencesAreRejectedNamingTheField() {
        ObjectNode partial = EventJson.mapper().valueToTree(SampleEvents.studyDefined());
        ((ObjectNode) partial.withArray("objectives").get(0)).put("reference", 1.0);
        ObjectNode mistyped =
                EventJson.mapper().valueToTree(SampleEvents.studyDefinedWithReference());
        ((ObjectNode) mistyped.withArray("objectives").get(1)).put("reference", "two");

        assertThatThrownBy(() -> codec.decodePayload(EventType.STUDY_DEFINED, bytes(partial)))
                .isInstanceOfSatisfying(
                        EventDecodingException.class,
                        e -> {
                            assertThat(e.kind())
                                    .isEqualTo(EventDecodingException.Kind.INVALID_VALUE);
                            assertThat(e.pointer()).isEqualTo("/objectives/1/reference");
                            assertThat(e.getMessage())
                                    .contains("is missing, but objective 'val_error' gives one");
                        });
        assertThatThrownBy(() -> codec.decodePayload(EventType.STUDY_DEFINED, bytes(mistyped)))
                .isInstanceOfSatisfying(
                        EventDecodingException.class,
                        e -> {
                            assertThat(e.kind())
                                    .isEqualTo(EventDecodingException.Kind.SCHEMA_VIOLATION);
                            assertThat(e.pointer()).isEqualTo("/objectives/1/reference");
                        });
        assertThatThrownBy(
                        () ->
                                Objective.of("val_error", Direction.MINIMIZE, "metric:val_error")
                                        .withReference(Double.POSITIVE_INFINITY))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("reference must be a finite number, got Infinity");
    }

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String header(ProducerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
