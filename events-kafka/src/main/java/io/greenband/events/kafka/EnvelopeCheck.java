package io.greenband.events.kafka;

import io.greenband.events.EventType;
import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.topic.Topic;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The checks a record passes before any CloudEvents or JSON code reads it: a value that is there
 * and not too large, and, in binary mode, headers that are bounded and well formed: {@code
 * ce_specversion} exactly {@code 1.0}, {@code ce_id}, {@code ce_source} (a URI) and {@code ce_type}
 * present, {@code ce_time} an RFC 3339 timestamp, and a type that belongs on the topic. Each
 * failure is an {@link EventDecodingException} whose kind is the dead-letter reason.
 */
final class EnvelopeCheck {

    /** The longest header value of ours (ids, sources, types, times, subjects are far shorter). */
    static final int MAX_HEADER_BYTES = 1024;

    private EnvelopeCheck() {}

    /** The event type of the record once the envelope is accepted (empty in structured mode). */
    static Optional<EventType> check(
            Headers headers, byte[] value, Optional<Topic> topic, long maxValueBytes) {
        if (value == null) {
            throw EventDecodingException.of(
                    EventDecodingException.Kind.TOMBSTONE,
                    "",
                    "the record has no value (a tombstone); greenband topics hold events, never deletions",
                    null);
        }
        if (value.length == 0) {
            throw EventDecodingException.of(
                    EventDecodingException.Kind.EMPTY_VALUE,
                    "",
                    "the record's value is empty; expected a JSON event payload",
                    null);
        }
        if (value.length > maxValueBytes) {
            throw EventDecodingException.of(
                    EventDecodingException.Kind.TOO_LARGE,
                    "",
                    "the record's value is "
                            + value.length
                            + " bytes; the most an event may be is "
                            + maxValueBytes,
                    null);
        }
        for (Header h : headers) {
            if (h.value() != null
                    && h.value().length > MAX_HEADER_BYTES
                    && (h.key().startsWith("ce_") || h.key().equals("content-type"))) {
                throw EventDecodingException.of(
                        EventDecodingException.Kind.TOO_LARGE,
                        h.key(),
                        "header "
                                + h.key()
                                + " is "
                                + h.value().length
                                + " bytes; at most "
                                + MAX_HEADER_BYTES
                                + " are read",
                        null);
            }
        }
        String spec = text(headers, "ce_specversion");
        if (spec == null || spec.isEmpty()) {
            String ct = text(headers, "content-type");
            if (ct != null && ct.startsWith("application/cloudevents")) {
                return Optional.empty();
            }
            throw EventDecodingException.missingHeader(
                    "ce_specversion",
                    "a CloudEvents 1.0 binary-mode record (headers ce_specversion, ce_id, ce_type, ce_source)");
        }
        if (!spec.equals("1.0")) {
            throw EventDecodingException.of(
                    EventDecodingException.Kind.BAD_ENVELOPE,
                    "ce_specversion",
                    "ce_specversion is '" + spec + "'; only CloudEvents 1.0 is read",
                    null);
        }
        for (String h : new String[] {"ce_id", "ce_type", "ce_source"}) {
            String v = text(headers, h);
            if (v == null || v.isBlank()) {
                throw EventDecodingException.missingHeader(
                        h, "a non-empty CloudEvents " + h.substring(3) + " attribute");
            }
        }
        String source = text(headers, "ce_source");
        try {
            new URI(source);
        } catch (URISyntaxException e) {
            throw EventDecodingException.of(
                    EventDecodingException.Kind.BAD_ENVELOPE,
                    "ce_source",
                    "ce_source '" + source + "' is not a URI: " + e.getReason(),
                    e);
        }
        String time = text(headers, "ce_time");
        if (time != null) {
            try {
                OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                throw EventDecodingException.of(
                        EventDecodingException.Kind.BAD_ENVELOPE,
                        "ce_time",
                        "ce_time '"
                                + time
                                + "' is not an RFC 3339 timestamp such as 2026-01-02T03:04:05Z",
                        e);
            }
        }
        String ceType = text(headers, "ce_type");
        EventType type =
                EventType.fromCeType(ceType)
                        .orElseThrow(
                                () ->
                                        EventDecodingException.unknownType(
                                                ceType,
                                                Arrays.stream(EventType.values())
                                                        .map(EventType::ceType)
                                                        .toList()
                                                        .toString()));
        topic.ifPresent(
                t -> {
                    if (type.topic() != t) {
                        throw EventDecodingException.of(
                                EventDecodingException.Kind.WRONG_TYPE,
                                "ce_type",
                                "ce_type '"
                                        + ceType
                                        + "' belongs on "
                                        + type.topic().defaultName()
                                        + ", not on "
                                        + t.defaultName(),
                                null);
                    }
                });
        return Optional.of(type);
    }

    private static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null
                ? null
                : new String(h.value(), StandardCharsets.UTF_8);
    }
}
