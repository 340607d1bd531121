package io.greenband.events.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.greenband.events.EventType;
import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.codec.PayloadCodec;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.study.StudyLimits;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents/Kafka binding: turns payload records into CloudEvents and Kafka records (binary
 * mode: {@code ce_*} headers, {@code content-type: application/json}, JSON payload as the value)
 * and back. The envelope is checked ({@link EnvelopeCheck}) and the payload decoded by the events'
 * {@link PayloadCodec} (JSON Schema, unknown fields tolerated, one {@link EventDecodingException}
 * naming the field for anything else). Immutable and thread-safe; build one per service with {@link
 * #builder()}.
 *
 * <p>SmallRye Reactive Messaging: consume {@code ConsumerRecord<String, byte[]>} (value
 * deserializer {@code ByteArrayDeserializer}) and call {@link #decode(ConsumerRecord)}; produce
 * with {@link #toRecord(GreenbandEvent)} through a {@code KafkaProducer<String, byte[]>} or an
 * emitter of {@code ProducerRecord<String, byte[]>}.
 */
public final class EventCodec {

    /** The content type of every payload. */
    public static final String CONTENT_TYPE = "application/json";

    private static final JsonFormat STRUCTURED = new JsonFormat();

    private final URI source;
    private final TopicRegistry registry;
    private final Clock clock;
    private final PayloadCodec payloads;

    private EventCodec(URI source, TopicRegistry registry, Clock clock, PayloadCodec payloads) {
        this.source = source;
        this.registry = registry;
        this.clock = clock;
        this.payloads = payloads;
    }

    /** The limits studies are decoded under. */
    public StudyLimits studyLimits() {
        return payloads.studyLimits();
    }

    /** The payload codec (Jackson and schemas only) this binding wraps. */
    public PayloadCodec payloads() {
        return payloads;
    }

    /** A builder; {@code setSource} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A codec with default topics, the system clock and no validation on encode. */
    public static EventCodec forSource(String source) {
        return builder().setSource(source).build();
    }

    /** The ce_source this codec stamps on events. */
    public URI source() {
        return source;
    }

    /** The topic registry this codec routes with. */
    public TopicRegistry registry() {
        return registry;
    }

    /** The deterministic ce_id of an event: {@code <kebab-name>:<naturalId>}. */
    public static String idFor(GreenbandEvent event) {
        return event.type().kebabName() + ":" + event.naturalId();
    }

    // ---------------------------------------------------------------- encoding

    /** The payload as JSON bytes (validated against its schema when the codec is so configured). */
    public byte[] toJson(GreenbandEvent event) {
        return payloads.toJson(event);
    }

    /** The event as a CloudEvent with the deterministic id {@link #idFor}. */
    public CloudEvent toCloudEvent(GreenbandEvent event) {
        return toCloudEvent(event, idFor(event));
    }

    /** The event as a CloudEvent with a caller-supplied id (the idempotency key). */
    public CloudEvent toCloudEvent(GreenbandEvent event, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(
                    "id must be a non-blank string (it is the idempotency key ce_id)");
        }
        Instant time = event.occurredAt() != null ? event.occurredAt() : clock.instant();
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(source)
                .withType(event.type().ceType())
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withSubject(event.subject())
                .withData(CONTENT_TYPE, toJson(event))
                .build();
    }

    /**
     * An event read before, as a CloudEvent again: its own id (the idempotency key) and its own
     * source, not this codec's, since consumers believe some events (scores) only from the source
     * that published them. Export and republishing both write events this way.
     */
    public CloudEvent toCloudEvent(ReceivedEvent received) {
        CloudEvent event = toCloudEvent(received.payload(), received.id());
        return received.source() == null
                ? event
                : CloudEventBuilder.v1(event).withSource(received.source()).build();
    }

    /** A Kafka record for the event's topic, keyed per DESIGN §3, with the deterministic id. */
    public ProducerRecord<String, byte[]> toRecord(GreenbandEvent event) {
        return toRecord(event, idFor(event));
    }

    /** A Kafka record for the event's topic with a caller-supplied ce_id. */
    public ProducerRecord<String, byte[]> toRecord(GreenbandEvent event, String id) {
        return toRecord(toCloudEvent(event, id), event.key());
    }

    /** A Kafka record for an already built CloudEvent of ours, routed by its type. */
    public ProducerRecord<String, byte[]> toRecord(CloudEvent event, String key) {
        EventType type =
                EventType.fromCeType(event.getType())
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "ce type '"
                                                        + event.getType()
                                                        + "' is not a greenband event type"));
        return KafkaMessageFactory.<String>createWriter(registry.name(type.topic()), key)
                .writeBinary(event);
    }

    /**
     * The event as one line of a CloudEvents JSON-lines export (structured mode, payload embedded
     * as JSON, no trailing newline), with the deterministic id.
     */
    public byte[] toJsonLine(GreenbandEvent event) {
        return STRUCTURED.serialize(toCloudEvent(event));
    }

    // ---------------------------------------------------------------- decoding

    /** Decodes one line of a CloudEvents JSON-lines export (as written by {@link #toJsonLine}). */
    public ReceivedEvent fromJsonLine(byte[] line) {
        CloudEvent event;
        try {
            event = STRUCTURED.deserialize(line);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw EventDecodingException.malformedJson(
                    "not a structured CloudEvent: " + root.getMessage(), e);
        }
        return decode(event);
    }

    /** Decodes a consumed record (binary or structured mode). */
    public ReceivedEvent decode(ConsumerRecord<?, byte[]> record) {
        Optional<Topic> topic = registry.roleOf(record.topic());
        ReceivedEvent event = decode(record.headers(), record.value(), topic);
        if (topic.isPresent() && event.type().topic() != topic.get()) {
            // Structured mode names its type inside the value: the topic check is made once it is
            // read.
            throw EventDecodingException.of(
                    EventDecodingException.Kind.WRONG_TYPE,
                    "type",
                    event.type().ceType()
                            + " belongs on "
                            + event.type().topic().defaultName()
                            + ", not on "
                            + topic.get().defaultName(),
                    null);
        }
        return event;
    }

    /** Decodes headers and value of a Kafka record. */
    public ReceivedEvent decode(Headers headers, byte[] value) {
        return decode(headers, value, Optional.empty());
    }

    private ReceivedEvent decode(Headers headers, byte[] value, Optional<Topic> topic) {
        EnvelopeCheck.check(headers, value, topic, payloads.maxValueBytes());
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (CloudEventRWException e) {
            if (e.getKind() == CloudEventRWException.CloudEventRWExceptionKind.INVALID_SPEC_VERSION
                    || e.getKind()
                            == CloudEventRWException.CloudEventRWExceptionKind.UNKNOWN_ENCODING) {
                throw EventDecodingException.unsupportedEncoding(
                        "headers",
                        e.getMessage()
                                + "; expected a CloudEvents 1.0 record in binary or structured mode",
                        e);
            }
            throw EventDecodingException.invalidValue(
                    "headers", "a CloudEvents header is invalid: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw EventDecodingException.unsupportedEncoding(
                    "headers", String.valueOf(e.getMessage()), e);
        }
        return decode(event);
    }

    /** Decodes a CloudEvent of ours. */
    public ReceivedEvent decode(CloudEvent event) {
        EventType type =
                EventType.fromCeType(event.getType())
                        .orElseThrow(
                                () ->
                                        EventDecodingException.unknownType(
                                                event.getType(),
                                                Arrays.stream(EventType.values())
                                                        .map(EventType::ceType)
                                                        .toList()
                                                        .toString()));
        String ct = event.getDataContentType();
        if (ct != null && !(ct.startsWith(CONTENT_TYPE) || ct.contains("+json"))) {
            throw EventDecodingException.unsupportedEncoding(
                    "content-type",
                    "content type '" + ct + "' is not supported; expected " + CONTENT_TYPE,
                    null);
        }
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        GreenbandEvent payload = decodePayload(type, data);
        Instant time = event.getTime() == null ? null : event.getTime().toInstant();
        return new ReceivedEvent(
                event.getId(), event.getSource(), type, time, event.getSubject(), payload);
    }

    /** Decodes a bare JSON payload of a known type: parse, validate against the schema, bind. */
    public GreenbandEvent decodePayload(EventType type, byte[] json) {
        return payloads.decodePayload(type, json);
    }

    /** Builds an {@link EventCodec}: {@code setSource} required, the rest optional. */
    public static final class Builder {
        private URI source;
        private TopicRegistry registry = TopicRegistry.defaults();
        private Clock clock = Clock.systemUTC();
        private boolean validateOnEncode;
        private StudyLimits studyLimits = StudyLimits.DEFAULTS;

        private Builder() {}

        /**
         * The ce_source of events this codec encodes, e.g. {@code /greenband/suggester}. Required.
         */
        public Builder setSource(String source) {
            this.source = source == null ? null : URI.create(source);
            return this;
        }

        /** Topic names; defaults to {@link TopicRegistry#defaults()}. */
        public Builder optRegistry(TopicRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** The clock for ce_time of payloads without a time; defaults to the system UTC clock. */
        public Builder optClock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Whether encoding validates against the schema too (tests, tools); default false. */
        public Builder optValidateOnEncode(boolean validate) {
            this.validateOnEncode = validate;
            return this;
        }

        /** The limits studies are decoded under; defaults to {@link StudyLimits#DEFAULTS}. */
        public Builder optStudyLimits(StudyLimits limits) {
            this.studyLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The codec. */
        public EventCodec build() {
            if (source == null || source.toString().isBlank()) {
                throw new IllegalStateException(
                        "source is required: call setSource(\"/greenband/<service>\")");
            }
            return new EventCodec(
                    source, registry, clock, new PayloadCodec(studyLimits, validateOnEncode));
        }
    }
}
