package io.greenband.trainer.adapter.messaging;

import io.greenband.events.EventType;
import io.greenband.events.codec.EventCodec;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The trial attempts whose {@code trial-finished} is already in the log, read from the beginning without a consumer
 * group. A suggestion for one of them is never run again: it was imported or replayed together with its end, or the
 * suggester already declared it lost. Used from the consumer loop's thread only; a record that does not decode is
 * skipped (its consumers dead-letter it).
 */
public final class FinishedTrials implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FinishedTrials.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec;
    private final String topic;
    private final Duration limit;
    private final Set<String> finished = new HashSet<>();

    /**
     * @param kafka  client settings ({@code kafka.*})
     * @param topics topic names
     * @param codec  the decoder
     * @param limit  longest wait for the topic's end in one catch-up
     */
    public FinishedTrials(Map<String, Object> kafka, TopicRegistry topics, EventCodec codec, Duration limit) {
        Map<String, Object> c = new HashMap<>(KafkaClientSettings.only(kafka, ConsumerConfig.configNames()));
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        this.codec = codec;
        this.topic = topics.name(Topic.TRIAL_FINISHED);
        this.limit = limit;
    }

    /** Whether the log, read up to now, holds an end of this attempt. */
    public boolean isFinished(String studyId, String trialId, int attempt) {
        catchUp();
        return finished.contains(key(studyId, trialId, attempt));
    }

    /** How many finished attempts are known. */
    public int size() {
        return finished.size();
    }

    private void catchUp() {
        if (consumer.assignment().isEmpty()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, limit);
            if (partitions == null || partitions.isEmpty()) {
                LOG.warnf("topic %s has no partitions; no finished trial is known", topic);
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
            LOG.warnf("%s not read to its end within %s; continuing with %d finished attempts known", topic, limit,
                    finished.size());
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
            if (event.type() == EventType.TRIAL_FINISHED) {
                TrialFinished f = event.payload(TrialFinished.class);
                finished.add(key(f.studyId(), f.trialId(), f.attempt()));
            }
        } catch (RuntimeException e) {
            LOG.debugf("skipping %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private static String key(String studyId, String trialId, int attempt) {
        return studyId + "\u0000" + trialId + "\u0000" + attempt;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
