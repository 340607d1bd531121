package io.greenband.servicekit.intake;

import io.greenband.events.codec.EventCodec;
import io.greenband.events.codec.ReceivedEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What one topic holds, by key, read forward on demand: {@link #find} answers from what was read and, for a key
 * not seen yet, first reads the topic to its current end. Consumers ask it before refusing an event as unknown:
 * the event it depends on may sit on another topic the consumer has not reached yet. Records that do not decode
 * are skipped here (their own consumer dead-letters them). Thread-safe; memory holds one value per key.
 *
 * @param <V> what is kept per key
 */
public final class TopicIndex<V> implements AutoCloseable {

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);

    private final EventCodec codec;
    private final Function<ReceivedEvent, Optional<Map.Entry<String, V>>> entryOf;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Map<String, V> entries = new HashMap<>();

    /**
     * An index of {@code topic}.
     *
     * @param properties client properties (bootstrap servers, security); no group is used
     * @param entryOf    the key and value an event contributes, empty for events to leave out
     */
    public TopicIndex(Properties properties, String topic, EventCodec codec,
                      Function<ReceivedEvent, Optional<Map.Entry<String, V>>> entryOf) {
        this.codec = codec;
        this.entryOf = entryOf;
        Properties p = new Properties();
        p.putAll(properties);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The value of {@code key}, reading the topic to its current end first when the key is not known yet. */
    public synchronized Optional<V> find(String key) {
        V v = entries.get(key);
        if (v != null) {
            return Optional.of(v);
        }
        catchUp();
        return Optional.ofNullable(entries.get(key));
    }

    /** Reads the topic up to the end offsets it has now. */
    public synchronized void catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading " + partitions.get(0).topic() + " to its end took over "
                        + CATCH_UP_LIMIT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                try {
                    entryOf.apply(codec.decode(r)).ifPresent(e -> entries.putIfAbsent(e.getKey(), e.getValue()));
                } catch (RuntimeException notOurs) {
                    // Refused records are dead-lettered by the consumer that owns the topic.
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
