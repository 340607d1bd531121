package io.greenband.servicekit.log;

import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The one way to read topics from their beginning to their end of the moment, without a consumer
 * group and without committing: {@link #catchUp} reads what was published since the last call (the
 * first call from offset zero), so a reader kept open follows the topics forward; {@link #scan}
 * reads once and closes. Records are decoded with the codec's full checks; one that does not decode
 * is handed to the refusal callback (its consumer dead-letters it, a reader only skips it). Not
 * thread-safe: one owner.
 */
public final class TopicReader implements AutoCloseable {

    /** How long a catch-up waits without reading a record before it gives up, by default. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(60);

    /** What a reader does with each record. */
    public interface Sink {
        /** A record that decoded. */
        void accept(ReceivedEvent event, ConsumerRecord<String, byte[]> record);

        /** A record that did not; skipped unless overridden. */
        default void refused(ConsumerRecord<String, byte[]> record, RuntimeException error) {}
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec;
    private final Collection<String> topics;
    private final Duration limit;
    private Map<TopicPartition, Long> upTo;

    /**
     * A reader of {@code topics}.
     *
     * @param client client properties (bootstrap servers, security); a group id is dropped
     * @param limit longest wait without progress in one catch-up
     */
    public TopicReader(
            Properties client, Collection<String> topics, EventCodec codec, Duration limit) {
        this.codec = codec;
        this.topics = List.copyOf(topics);
        this.limit = limit;
        this.consumer =
                new KafkaConsumer<>(
                        properties(client), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Reads {@code topics} once from the beginning to their current end, handing every record to
     * {@code sink}; throws {@link IllegalStateException} when the broker stops delivering before
     * the end.
     */
    public static void scan(
            Properties client, Collection<String> topics, EventCodec codec, Sink sink) {
        try (TopicReader reader = new TopicReader(client, topics, codec, DEFAULT_LIMIT)) {
            if (!reader.catchUp(sink, true)) {
                throw stalled(topics);
            }
        }
    }

    /**
     * Every event that decodes on {@code topics}, from the beginning to their current end, in
     * offset order per partition.
     */
    public static List<ReceivedEvent> readAll(
            Properties client, Collection<String> topics, EventCodec codec) {
        List<ReceivedEvent> events = new ArrayList<>();
        scan(client, topics, codec, (event, record) -> events.add(event));
        return events;
    }

    /**
     * Reads every record below {@code limits} (an offset per partition; partitions not named are
     * not read) from the beginning; for rebuilding what a consumer group had committed.
     */
    public static void scanBelow(
            Properties client, Map<TopicPartition, Long> limits, EventCodec codec, Sink sink) {
        try (TopicReader reader = new TopicReader(client, List.of(), codec, DEFAULT_LIMIT)) {
            if (!reader.readUpTo(new HashMap<>(limits), sink, true)) {
                throw stalled(
                        limits.keySet().stream().map(TopicPartition::topic).distinct().toList());
            }
        }
    }

    private static IllegalStateException stalled(Collection<String> topics) {
        return new IllegalStateException(
                "reading "
                        + topics
                        + " to the end stalled: no record for "
                        + DEFAULT_LIMIT.toSeconds()
                        + " s");
    }

    /**
     * Reads what was published since the last call, up to the end offsets of now; returns false
     * when no record came for the limit before the end (what was read is handed over all the same).
     */
    public boolean catchUp(Sink sink) {
        return catchUp(sink, false);
    }

    /**
     * A catch-up; {@code strict} leaves out records past the end offsets of now (a one-shot scan's
     * snapshot).
     */
    private boolean catchUp(Sink sink, boolean strict) {
        if (upTo == null || consumer.assignment().isEmpty()) {
            // A topic not created yet has no partitions: look again next time.
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, limit);
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        upTo = consumer.endOffsets(consumer.assignment(), limit);
        return readUpTo(upTo, sink, strict);
    }

    /** The topics of this reader that have no partitions on the broker (do not exist). */
    public List<String> absentTopics() {
        List<String> absent = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, limit);
            if (infos == null || infos.isEmpty()) {
                absent.add(topic);
            }
        }
        return absent;
    }

    /** As {@link #catchUp(Sink)}, handing only the events that decode to {@code events}. */
    public boolean catchUpEvents(Consumer<ReceivedEvent> events) {
        return catchUp((event, record) -> events.accept(event));
    }

    /**
     * Reads until every partition reached its limit. A record past its limit is handed over too
     * unless {@code strict}: the consumer's position has moved past it, so a reader that follows
     * the topic would otherwise never see it.
     */
    private boolean readUpTo(Map<TopicPartition, Long> limits, Sink sink, boolean strict) {
        if (upTo != limits) {
            List<TopicPartition> partitions =
                    limits.entrySet().stream()
                            .filter(e -> e.getValue() > 0)
                            .map(Map.Entry::getKey)
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            upTo = limits;
        }
        long deadline = System.nanoTime() + limit.toNanos();
        while (behind(limits)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            var polled = consumer.poll(Duration.ofMillis(200));
            if (!polled.isEmpty()) {
                deadline =
                        System.nanoTime()
                                + limit.toNanos(); // the limit bounds a wait without progress
            }
            for (ConsumerRecord<String, byte[]> r : polled) {
                Long end = limits.get(new TopicPartition(r.topic(), r.partition()));
                if (strict && (end == null || r.offset() >= end)) {
                    continue; // past the snapshot a one-shot scan (or a restore below committed
                    // offsets) reads
                }
                ReceivedEvent event;
                try {
                    event = codec.decode(r);
                } catch (RuntimeException refused) {
                    sink.refused(r, refused);
                    continue;
                }
                sink.accept(event, r);
            }
        }
        return true;
    }

    private boolean behind(Map<TopicPartition, Long> limits) {
        for (Map.Entry<TopicPartition, Long> e : limits.entrySet()) {
            if (consumer.assignment().contains(e.getKey())
                    && consumer.position(e.getKey()) < e.getValue()) {
                return true;
            }
        }
        return false;
    }

    private static Properties properties(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        // Partitions are assigned, never subscribed: a group id would only invite commits.
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        return p;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
