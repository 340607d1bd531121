package io.greenband.events.kafka;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Records as a consumer would receive them, without a broker: for codec and intake tests. */
public final class ConsumedRecords {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private ConsumedRecords() {}

    /** What a consumer would receive for {@code sent} at {@code partition}/{@code offset}. */
    public static ConsumerRecord<String, byte[]> asConsumed(
            ProducerRecord<String, byte[]> sent, int partition, long offset) {
        return new ConsumerRecord<>(
                sent.topic(),
                partition,
                offset,
                T0.toEpochMilli(),
                TimestampType.CREATE_TIME,
                -1,
                -1,
                sent.key(),
                sent.value(),
                new RecordHeaders(sent.headers().toArray()),
                Optional.empty());
    }
}
