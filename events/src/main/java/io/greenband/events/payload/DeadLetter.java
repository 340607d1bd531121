package io.greenband.events.payload;

import io.greenband.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A record no consumer could process: the raw bytes and headers as they arrived, why it failed and
 * where it came from. On the {@code dead-letter} topic it travels as the original key and value
 * with {@code dead-letter-*} headers (see {@code io.greenband.events.deadletter}); this record is
 * its decoded form and its JSON shape (bytes as base64) for exports and APIs.
 *
 * @param originalKey the original key bytes, null when there was none
 * @param originalValue the original value bytes, null for a tombstone
 * @param headers the original headers, in order
 * @param reason why it failed, naming the field and what was expected
 * @param cause the exception class that signalled it, optional
 * @param kind the failure kind (an {@code EventDecodingException.Kind} name or {@code
 *     HANDLER_FAILED})
 * @param originTopic topic it was read from
 * @param originPartition partition it was read from
 * @param originOffset offset it was read at
 * @param consumerGroup the consumer group that gave up on it, optional
 * @param failedAt when it was dead-lettered
 */
public record DeadLetter(
        byte[] originalKey,
        byte[] originalValue,
        List<RawHeader> headers,
        String reason,
        String cause,
        String kind,
        String originTopic,
        int originPartition,
        long originOffset,
        String consumerGroup,
        Instant failedAt)
        implements GreenbandEvent {

    public DeadLetter {
        originalKey = originalKey == null ? null : originalKey.clone();
        originalValue = originalValue == null ? null : originalValue.clone();
        headers = FieldChecks.list(headers, "headers");
        FieldChecks.text(reason, "reason");
        FieldChecks.text(kind, "kind");
        FieldChecks.text(originTopic, "originTopic");
        FieldChecks.atLeast(originPartition, 0, "originPartition");
        FieldChecks.atLeast(originOffset, 0, "originOffset");
        FieldChecks.present(failedAt, "failedAt");
    }

    @Override
    public byte[] originalKey() {
        return originalKey == null ? null : originalKey.clone();
    }

    @Override
    public byte[] originalValue() {
        return originalValue == null ? null : originalValue.clone();
    }

    /** The original key as UTF-8 text, or null: the key on the dead-letter topic. */
    @Override
    public String key() {
        return originalKey == null ? null : new String(originalKey, StandardCharsets.UTF_8);
    }

    @Override
    public EventType type() {
        return EventType.DEAD_LETTER;
    }

    /** The origin, {@code topic/partition/offset}. */
    @Override
    public String subject() {
        return originTopic + "/" + originPartition + "/" + originOffset;
    }

    @Override
    public String naturalId() {
        return originTopic
                + ":"
                + originPartition
                + ":"
                + originOffset
                + ":"
                + (consumerGroup == null ? "" : consumerGroup);
    }

    @Override
    public Instant occurredAt() {
        return failedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetter d
                && Arrays.equals(originalKey, d.originalKey)
                && Arrays.equals(originalValue, d.originalValue)
                && headers.equals(d.headers)
                && reason.equals(d.reason)
                && Objects.equals(cause, d.cause)
                && kind.equals(d.kind)
                && originTopic.equals(d.originTopic)
                && originPartition == d.originPartition
                && originOffset == d.originOffset
                && Objects.equals(consumerGroup, d.consumerGroup)
                && failedAt.equals(d.failedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                Arrays.hashCode(originalKey),
                Arrays.hashCode(originalValue),
                headers,
                reason,
                originTopic,
                originPartition,
                originOffset);
    }

    @Override
    public String toString() {
        return "DeadLetter["
                + subject()
                + ", kind="
                + kind
                + ", reason="
                + reason
                + ", key="
                + key()
                + ", value="
                + (originalValue == null ? "null" : originalValue.length + " bytes")
                + ", failedAt="
                + failedAt
                + "]";
    }

    /**
     * One Kafka header as it arrived.
     *
     * @param name header name
     * @param value header bytes, possibly null
     */
    public record RawHeader(String name, byte[] value) {
        public RawHeader {
            FieldChecks.text(name, "name");
            value = value == null ? null : value.clone();
        }

        @Override
        public byte[] value() {
            return value == null ? null : value.clone();
        }

        /** The value as UTF-8 text, or null. */
        public String text() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RawHeader h && name.equals(h.name) && Arrays.equals(value, h.value);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return name + "=" + text();
        }
    }
}
