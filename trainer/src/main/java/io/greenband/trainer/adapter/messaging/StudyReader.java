package io.greenband.trainer.adapter.messaging;

import io.greenband.events.codec.EventCodec;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.greenband.trainer.worker.StudyBook;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads the compacted {@code studies} topic from the beginning, without a consumer group, into a
 * {@link StudyBook}. {@link #catchUp} reads up to the end offsets of the moment, so a trial sees every
 * study published before it. Used from the consumer loop's thread only. A record that does not decode is
 * skipped with a warning: the study's owner (the suggester) dead-letters it, not every trainer.
 */
public final class StudyReader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StudyReader.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec;
    private final String topic;
    private final StudyBook book = new StudyBook();
    private final Duration limit;

    /**
     * @param kafka client settings
     * @param topics topic names
     * @param codec the decoder
     * @param limit longest wait for the topic's end in one catch-up
     */
    public StudyReader(Map<String, Object> kafka, TopicRegistry topics, EventCodec codec, Duration limit) {
        Map<String, Object> c = new HashMap<>(KafkaClientSettings.only(kafka, ConsumerConfig.configNames()));
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        this.codec = codec;
        this.topic = topics.name(Topic.STUDIES);
        this.limit = limit;
    }

    /** The studies read so far. */
    public StudyBook book() {
        return book;
    }

    /** Reads every study event published up to now (at most {@code limit} long). */
    public void catchUp() {
        if (consumer.assignment().isEmpty()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, limit);
            if (partitions == null || partitions.isEmpty()) {
                LOG.warnf("topic %s has no partitions; no study is known", topic);
                return;
            }
            consumer.assign(partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList());
            consumer.seekToBeginning(consumer.assignment());
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), limit);
        long deadline = System.nanoTime() + limit.toNanos();
        while (!caughtUp(end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                apply(record);
            }
        }
        if (!caughtUp(end)) {
            LOG.warnf("studies not read to their end within %s; continuing with %d known", limit, book.size());
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            ReceivedEvent event = codec.decode(record);
            switch (event.type()) {
                case STUDY_DEFINED -> book.define(event.payload(StudyDefined.class));
                case STUDY_STOPPED -> book.stop(event.payload(StudyStopped.class));
                default -> LOG.debugf("ignoring %s on %s", event.type(), topic);
            }
        } catch (RuntimeException e) {
            LOG.warnf("skipping %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
