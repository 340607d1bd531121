package io.greenband.aggregator.adapter.messaging;

import io.greenband.aggregator.driver.ReplayOrder;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.events.codec.EventCodec;
import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Rebuilds the views from the topics: reads every record the aggregator consumes from offset zero up to the
 * end offsets at the start (no consumer group, nothing committed), orders the events by event time and
 * feeds them to an engine. Records that do not decode are skipped (they went to dead-letter the first time).
 */
public final class TopicReplay {

    /** The topics the aggregator reads. */
    public static final List<Topic> INPUTS = List.of(Topic.STUDIES, Topic.TRIAL_STARTED, Topic.TRIAL_PROGRESS,
            Topic.TRIAL_FINISHED, Topic.OBJECTIVE_REPORTED, Topic.ENERGY_SAMPLE);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicReplay() {
    }

    /**
     * Every decodable input event on the broker, in replay order.
     *
     * @param kafka {@code kafka.*} client settings (bootstrap servers, security protocol, SASL, trust store), as
     *              {@link KafkaClientSettings} takes them
     */
    public static List<GreenbandEvent> read(Map<String, Object> kafka, TopicRegistry topics, EventCodec codec) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(kafka)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic t : INPUTS) {
                for (PartitionInfo info : consumer.partitionsFor(topics.name(t), TIMEOUT)) {
                    partitions.add(new TopicPartition(info.topic(), info.partition()));
                }
            }
            return order(readUpTo(consumer, consumer.endOffsets(partitions, TIMEOUT), codec));
        }
    }

    /**
     * Every decodable event before {@code limits} (offset per partition; partitions not named are not read),
     * in replay order.
     */
    public static List<GreenbandEvent> read(Map<String, Object> kafka, Map<TopicPartition, Long> limits,
            EventCodec codec) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(kafka)) {
            return order(readUpTo(consumer, limits, codec));
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> kafka) {
        return new KafkaConsumer<>(consumerProperties(kafka), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The properties the replay consumer is built with: every {@code kafka.*} setting, no group, no commits. */
    static Properties consumerProperties(Map<String, Object> kafka) {
        Properties p = KafkaClientSettings.forClient(kafka, "greenband-replay-" + UUID.randomUUID());
        // Partitions are assigned, never subscribed: a group id from the settings would only invite commits.
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        return p;
    }

    private static List<GreenbandEvent> readUpTo(KafkaConsumer<String, byte[]> consumer,
            Map<TopicPartition, Long> limits, EventCodec codec) {
        List<GreenbandEvent> events = new ArrayList<>();
        List<TopicPartition> partitions = limits.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey).toList();
        if (partitions.isEmpty()) {
            return events;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < limits.get(tp))) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() < limits.get(new TopicPartition(r.topic(), r.partition()))) {
                    decode(codec, r, events);
                }
            }
        }
        return events;
    }

    /**
     * Events by event time; at equal times a study definition first, then samples (a sample ending when a
     * trial ends belongs to it), then the rest in {@code EventType} order.
     */
    public static List<GreenbandEvent> order(List<GreenbandEvent> events) {
        return ReplayOrder.of(events);
    }

    /** Feeds {@code events} to {@code engine} one by one (it settles after each). */
    public static void feed(List<GreenbandEvent> events, ScoringEngine engine) {
        ReplayOrder.feed(events, engine);
    }

    private static void decode(EventCodec codec, ConsumerRecord<String, byte[]> r, List<GreenbandEvent> out) {
        try {
            out.add(codec.decode(r).payload());
        } catch (EventDecodingException | IllegalArgumentException e) {
            // Dead-lettered when first consumed; a replay reproduces what the consumers accepted.
        }
    }
}
