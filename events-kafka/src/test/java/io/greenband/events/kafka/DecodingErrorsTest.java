package io.greenband.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenband.events.EventType;
import io.greenband.events.SampleEvents;
import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.codec.EventDecodingException.Kind;
import io.greenband.events.codec.EventJson;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class DecodingErrorsTest {

    private final EventCodec codec = EventCodec.forSource("/greenband/test");

    @Test
    void invariantBrokenInsideNestedRecordNamesThePointer() {
        ObjectNode json = EventJson.mapper().valueToTree(SampleEvents.studyDefined());
        ((ObjectNode) json.get("fidelity")).put("max", 1);

        assertRejected(
                () -> codec.decodePayload(EventType.STUDY_DEFINED, bytes(json)),
                Kind.INVALID_VALUE,
                "/fidelity/max",
                "max must be > min (2.0), got 1.0");
    }

    @Test
    void brokenConfigSpaceInsideAStudyNamesTheEntry() {
        ObjectNode json = EventJson.mapper().valueToTree(SampleEvents.studyDefined());
        ((ObjectNode) json.get("space").get("hyperparameters").get(2)).put("lower", 0.0);

        assertRejected(
                () -> codec.decodePayload(EventType.STUDY_DEFINED, bytes(json)),
                Kind.INVALID_VALUE,
                "/space/hyperparameters/2",
                "lower must be > 0 when log is true");
    }

    @Test
    void invariantAcrossFieldsNamesTheField() {
        ObjectNode json = EventJson.mapper().valueToTree(SampleEvents.trialFinished());
        json.put("endedAt", "2026-11-23T07:00:00Z");

        assertRejected(
                () -> codec.decodePayload(EventType.TRIAL_FINISHED, bytes(json)),
                Kind.INVALID_VALUE,
                "/endedAt",
                "must not be before startedAt");
    }

    @Test
    void schemaViolationInConfigNamesTheHyperparameter() {
        ObjectNode json = EventJson.mapper().valueToTree(SampleEvents.trialSuggested());
        ((ObjectNode) json.get("config")).putObject("lr").put("nested", true);

        assertRejected(
                () -> codec.decodePayload(EventType.TRIAL_SUGGESTED, bytes(json)),
                Kind.SCHEMA_VIOLATION,
                "/config/lr",
                "/config/lr");
    }

    @Test
    void badEnumValueIsASchemaViolation() {
        ObjectNode json = EventJson.mapper().valueToTree(SampleEvents.trialFinished());
        json.put("status", "DONE");

        assertRejected(
                () -> codec.decodePayload(EventType.TRIAL_FINISHED, bytes(json)),
                Kind.SCHEMA_VIOLATION,
                "/status",
                "/status: must be one of [\"SUCCEEDED\", \"FAILED\", \"LOST\"], got \"DONE\"");
    }

    @Test
    void valueBelowMinimumSaysTheBoundAndTheValue() {
        ObjectNode json = EventJson.mapper().valueToTree(SampleEvents.trialProgress());
        json.put("attempt", 0);

        assertRejected(
                () -> codec.decodePayload(EventType.TRIAL_PROGRESS, bytes(json)),
                Kind.SCHEMA_VIOLATION,
                "/attempt",
                "trial-progress /attempt: must be >= 1, got 0");
    }

    @Test
    void malformedJsonSaysWhere() {
        assertRejected(
                () ->
                        codec.decodePayload(
                                EventType.TRIAL_STARTED,
                                "{\"studyId\": ".getBytes(StandardCharsets.UTF_8)),
                Kind.MALFORMED_JSON,
                "",
                "line 1");
        assertRejected(
                () -> codec.decodePayload(EventType.TRIAL_STARTED, new byte[0]),
                Kind.EMPTY_VALUE,
                "",
                "no value");
    }

    @Test
    void recordWithoutCloudEventHeadersIsMissingHeader() {
        ConsumerRecord<String, byte[]> plain =
                new ConsumerRecord<>(
                        "trial-started", 0, 0L, "k", "{}".getBytes(StandardCharsets.UTF_8));

        assertRejected(
                () -> codec.decode(plain), Kind.MISSING_HEADER, "ce_specversion", "ce_specversion");
    }

    @Test
    void recordWithoutTypeHeaderNamesIt() {
        ProducerRecord<String, byte[]> sent = codec.toRecord(SampleEvents.trialStarted());
        sent.headers().remove("ce_type");

        assertRejected(
                () -> codec.decode(ConsumedRecords.asConsumed(sent, 0, 0)),
                Kind.MISSING_HEADER,
                "ce_type",
                "ce_type");
    }

    @Test
    void badTimeHeaderIsABadEnvelope() {
        ProducerRecord<String, byte[]> sent = codec.toRecord(SampleEvents.trialStarted());
        sent.headers().remove("ce_time");
        sent.headers().add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));

        assertRejected(
                () -> codec.decode(ConsumedRecords.asConsumed(sent, 0, 0)),
                Kind.BAD_ENVELOPE,
                "ce_time",
                "ce_time");
    }

    @Test
    void unsupportedSpecVersionIsABadEnvelope() {
        ProducerRecord<String, byte[]> sent = codec.toRecord(SampleEvents.trialStarted());
        sent.headers().remove("ce_specversion");
        sent.headers().add("ce_specversion", "9.9".getBytes(StandardCharsets.UTF_8));

        assertRejected(
                () -> codec.decode(ConsumedRecords.asConsumed(sent, 0, 0)),
                Kind.BAD_ENVELOPE,
                "ce_specversion",
                "9.9");
    }

    @Test
    void unknownOrNewerTypeIsUnknownType() {
        ProducerRecord<String, byte[]> sent = codec.toRecord(SampleEvents.trialStarted());
        sent.headers().remove("ce_type");
        sent.headers()
                .add("ce_type", "io.greenband.trial-started.v2".getBytes(StandardCharsets.UTF_8));

        assertRejected(
                () -> codec.decode(ConsumedRecords.asConsumed(sent, 0, 0)),
                Kind.UNKNOWN_TYPE,
                "ce_type",
                "io.greenband.trial-started.v1");
    }

    @Test
    void serializerAndDeserializerPairRoundTrip() {
        var serializer = new GreenbandEventSerializer();
        serializer.configure(
                java.util.Map.of(GreenbandEventSerializer.SOURCE_CONFIG, "/greenband/plain"),
                false);
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        byte[] value =
                serializer.serialize("trial-progress", headers, SampleEvents.trialProgress());

        assertThat(new String(headers.lastHeader("ce_source").value(), StandardCharsets.UTF_8))
                .isEqualTo("/greenband/plain");
        assertThat(new GreenbandEventDeserializer().deserialize("trial-progress", headers, value))
                .isEqualTo(SampleEvents.trialProgress());
    }

    @Test
    void structuredModeRecordIsReadToo() {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(
                "content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> structured =
                new ConsumerRecord<>(
                        "trial-started",
                        0,
                        0L,
                        0L,
                        org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                        -1,
                        -1,
                        "dsnn-demo",
                        codec.toJsonLine(SampleEvents.trialStarted()),
                        headers,
                        java.util.Optional.empty());

        assertThat(codec.decode(structured).payload()).isEqualTo(SampleEvents.trialStarted());
    }

    @Test
    void callerSuppliedIdIsUsed() {
        ProducerRecord<String, byte[]> sent =
                codec.toRecord(SampleEvents.studyStopped(), "my-id-1");

        assertThat(codec.decode(ConsumedRecords.asConsumed(sent, 0, 0)).id()).isEqualTo("my-id-1");
    }

    static void assertRejected(
            ThrowingCallable call, Kind kind, String pointer, String messagePart) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        EventDecodingException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(kind);
                            assertThat(e.pointer()).isEqualTo(pointer);
                            assertThat(e.getMessage()).contains(messagePart);
                        });
    }

    private static byte[] bytes(ObjectNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
