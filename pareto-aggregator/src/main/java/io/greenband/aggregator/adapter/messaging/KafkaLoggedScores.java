package io.greenband.aggregator.adapter.messaging;

import io.greenband.aggregator.driver.LoggedScores;
import io.greenband.events.EventType;
import io.greenband.events.codec.EventCodec;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.topic.Topic;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * {@link LoggedScores} read from the {@code trial-scored} topic without a consumer group. Every lookup first reads up
 * to the end offsets of that moment, so a score published before a crash, or imported before its trial's end was
 * re-read, is always seen. Only events from this service's own source or from the CLI's import count. Lookups happen
 * once per scored attempt; when the topic cannot be read the score is treated as new (and a warning logged) rather
 * than lost.
 */
public final class KafkaLoggedScores implements LoggedScores, AutoCloseable {

    /** The source of events republished by {@code greenband import}. */
    public static final URI CLI_SOURCE = URI.create("/greenband/cli");

    private static final Logger LOG = Logger.getLogger(KafkaLoggedScores.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec;
    private final String topic;
    private final Duration limit;
    private final Set<URI> trusted;
    private final Map<String, TrialScored> latest = new HashMap<>();

    /**
     * @param kafka the service's {@code kafka.*} client settings
     * @param codec the service's codec (its registry names the topic, its source is trusted)
     * @param limit longest wait for the topic's end in one lookup
     */
    public KafkaLoggedScores(Map<String, Object> kafka, EventCodec codec, Duration limit) {
        Map<String, Object> c = new HashMap<>(KafkaClientSettings.only(kafka, ConsumerConfig.configNames()));
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "greenband-logged-scores");
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        this.codec = codec;
        this.topic = codec.registry().name(Topic.TRIAL_SCORED);
        this.limit = limit;
        this.trusted = Set.of(codec.source(), CLI_SOURCE);
    }

    @Override
    public synchronized Optional<TrialScored> find(String studyId, String trialId, int attempt) {
        try {
            catchUp();
        } catch (KafkaException e) {
            LOG.warnf("cannot read %s (%s): scoring %s attempt %d as new", topic, e.getMessage(), trialId, attempt);
        }
        return Optional.ofNullable(latest.get(key(studyId, trialId, attempt)));
    }

    private void catchUp() {
        if (consumer.assignment().isEmpty()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, limit);
            if (partitions == null || partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList());
            consumer.seekToBeginning(consumer.assignment());
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), limit);
        long deadline = System.nanoTime() + limit.toNanos();
        while (!caughtUp(end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                apply(record);
            }
        }
        if (!caughtUp(end)) {
            LOG.warnf("%s not read to its end within %s", topic, limit);
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
            if (event.type() != EventType.TRIAL_SCORED || !trusted.contains(event.source())) {
                return;
            }
            TrialScored s = event.payload(TrialScored.class);
            // The first event of a revision stands; a later revision of the same attempt supersedes it.
            latest.merge(key(s.studyId(), s.trialId(), s.attempt()), s,
                    (old, now) -> now.revision() > old.revision() ? now : old);
        } catch (RuntimeException e) {
            LOG.debugf("skipping %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private static String key(String studyId, String trialId, int attempt) {
        return studyId + "\u0000" + trialId + "\u0000" + attempt;
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
