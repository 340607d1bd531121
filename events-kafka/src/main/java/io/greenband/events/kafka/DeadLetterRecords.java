package io.greenband.events.kafka;

import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.deadletter.RejectedEvent;
import io.greenband.events.payload.DeadLetter;
import io.greenband.events.payload.DeadLetter.RawHeader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The wire form of a dead letter: the original key and value, the original headers, and {@code
 * dead-letter-*} headers. The first five header names are those of SmallRye Reactive Messaging's
 * dead-letter-queue strategy, so tools for either read both.
 */
public final class DeadLetterRecords {

    /** Why the record failed (SmallRye name). */
    public static final String REASON = "dead-letter-reason";

    /** The message of the underlying cause, when there is one (SmallRye name). */
    public static final String CAUSE = "dead-letter-cause";

    /** The topic the record was read from (SmallRye name). */
    public static final String TOPIC = "dead-letter-topic";

    /** The partition it was read from (SmallRye name). */
    public static final String PARTITION = "dead-letter-partition";

    /** The offset it was read at (SmallRye name). */
    public static final String OFFSET = "dead-letter-offset";

    /** The class of the exception that signalled the failure (SmallRye name). */
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";

    /**
     * The failure kind: an {@link EventDecodingException.Kind} name or {@value #HANDLER_FAILED}.
     */
    public static final String KIND = "dead-letter-kind";

    /** The consumer group that gave up on the record. */
    public static final String CONSUMER_GROUP = "dead-letter-consumer-group";

    /** When it was dead-lettered, ISO-8601. */
    public static final String FAILED_AT = "dead-letter-failed-at";

    /** Kind of a record that decoded but whose handler threw. */
    public static final String HANDLER_FAILED = "HANDLER_FAILED";

    /**
     * Kind of a record on which decoding failed unexpectedly (not with an {@link
     * EventDecodingException}).
     */
    public static final String DECODER_FAILED = "DECODER_FAILED";

    private static final String PREFIX = "dead-letter-";

    private DeadLetterRecords() {}

    /**
     * The dead letter of {@code record}, which failed with {@code error} (a decoding failure or a
     * handler's).
     */
    public static DeadLetter of(
            ConsumerRecord<String, byte[]> record,
            Throwable error,
            String consumerGroup,
            Instant failedAt) {
        return of(record, error, kindOf(error), consumerGroup, failedAt);
    }

    /**
     * The dead-letter kind (the reason's code) of a failure: the decoding kind, the refusal's
     * reason, the study limit's, else {@value #HANDLER_FAILED}.
     */
    public static String kindOf(Throwable error) {
        if (error instanceof EventDecodingException e) {
            return e.kind().name();
        }
        if (error instanceof RejectedEvent r) {
            return r.reason().name();
        }
        if (error instanceof io.greenband.events.study.StudyLimitException s) {
            return s.overLimit() ? "STUDY_LIMIT" : "INVALID_STUDY";
        }
        return HANDLER_FAILED;
    }

    /**
     * The dead letter of {@code record}, which failed with {@code error}, labelled {@code kind}.
     */
    public static DeadLetter of(
            ConsumerRecord<String, byte[]> record,
            Throwable error,
            String kind,
            String consumerGroup,
            Instant failedAt) {
        List<RawHeader> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            headers.add(new RawHeader(h.key(), h.value()));
        }
        String reason =
                error instanceof EventDecodingException
                                || error instanceof RejectedEvent
                                || error instanceof io.greenband.events.study.StudyLimitException
                        ? error.getMessage()
                        : (kind.equals(DECODER_FAILED) ? "decoder failed: " : "handler failed: ")
                                + error.getClass().getSimpleName()
                                + (error.getMessage() == null ? "" : ": " + error.getMessage());
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        return new DeadLetter(
                key,
                record.value(),
                headers,
                reason,
                error.getClass().getName(),
                kind,
                record.topic(),
                record.partition(),
                record.offset(),
                consumerGroup,
                failedAt);
    }

    /**
     * The record to publish on {@code deadLetterTopic}: original key, value and headers, plus ours.
     */
    public static ProducerRecord<String, byte[]> toRecord(
            DeadLetter letter, String deadLetterTopic, String causeMessage) {
        Headers headers = new RecordHeaders();
        for (RawHeader h : letter.headers()) {
            headers.add(h.name(), h.value());
        }
        put(headers, REASON, letter.reason());
        if (causeMessage != null) {
            put(headers, CAUSE, causeMessage);
        }
        put(headers, TOPIC, letter.originTopic());
        put(headers, PARTITION, Integer.toString(letter.originPartition()));
        put(headers, OFFSET, Long.toString(letter.originOffset()));
        if (letter.cause() != null) {
            put(headers, EXCEPTION_CLASS, letter.cause());
        }
        put(headers, KIND, letter.kind());
        if (letter.consumerGroup() != null) {
            put(headers, CONSUMER_GROUP, letter.consumerGroup());
        }
        put(headers, FAILED_AT, letter.failedAt().toString());
        return new ProducerRecord<>(
                deadLetterTopic, null, letter.key(), letter.originalValue(), headers);
    }

    /**
     * Reads a record of the dead-letter topic back into a {@link DeadLetter}; fails with a message
     * naming the header when a required {@code dead-letter-*} header is missing.
     */
    public static DeadLetter fromRecord(ConsumerRecord<String, byte[]> record) {
        List<RawHeader> original = new ArrayList<>();
        for (Header h : record.headers()) {
            if (!h.key().startsWith(PREFIX)) {
                original.add(new RawHeader(h.key(), h.value()));
            }
        }
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        String failedAt = text(record.headers(), FAILED_AT);
        String kind = text(record.headers(), KIND);
        return new DeadLetter(
                key,
                record.value(),
                original,
                required(record.headers(), REASON),
                text(record.headers(), EXCEPTION_CLASS),
                kind == null ? HANDLER_FAILED : kind,
                required(record.headers(), TOPIC),
                Integer.parseInt(required(record.headers(), PARTITION)),
                Long.parseLong(required(record.headers(), OFFSET)),
                text(record.headers(), CONSUMER_GROUP),
                failedAt == null
                        ? Instant.ofEpochMilli(record.timestamp())
                        : Instant.parse(failedAt));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        String v = text(headers, name);
        if (v == null) {
            throw new IllegalArgumentException("dead-letter record lacks header " + name);
        }
        return v;
    }

    private static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null
                ? null
                : new String(h.value(), StandardCharsets.UTF_8);
    }
}
