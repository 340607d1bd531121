package io.greenband.aggregator.adapter.messaging;

import io.greenband.aggregator.driver.ReplayOrder;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.greenband.servicekit.log.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * Rebuilds the views from the topics: reads every record the aggregator consumes from offset zero
 * up to the end offsets at the start (no consumer group, nothing committed), orders the events by
 * event time and feeds them to an engine. Records that do not decode are skipped (they went to
 * dead-letter the first time).
 */
public final class TopicReplay {

    /** The topics the aggregator reads. */
    public static final List<Topic> INPUTS =
            List.of(
                    Topic.STUDIES,
                    Topic.TRIAL_STARTED,
                    Topic.TRIAL_PROGRESS,
                    Topic.TRIAL_FINISHED,
                    Topic.OBJECTIVE_REPORTED,
                    Topic.ENERGY_SAMPLE);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicReplay() {}

    /**
     * Every decodable input event on the broker, in replay order.
     *
     * @param kafka {@code kafka.*} client settings (bootstrap servers, security protocol, SASL,
     *     trust store), as {@link KafkaClientSettings} takes them
     */
    public static List<GreenbandEvent> read(
            Map<String, Object> kafka, TopicRegistry topics, EventCodec codec) {
        List<GreenbandEvent> events = new ArrayList<>();
        // Refused records were dead-lettered when first consumed; a replay reproduces what the
        // consumers accepted.
        TopicReader.scan(
                consumerProperties(kafka),
                INPUTS.stream().map(topics::name).toList(),
                codec,
                (event, record) -> events.add(event.payload()));
        return order(events);
    }

    /**
     * Every decodable event before {@code limits} (offset per partition; partitions not named are
     * not read), in replay order.
     */
    public static List<GreenbandEvent> read(
            Map<String, Object> kafka, Map<TopicPartition, Long> limits, EventCodec codec) {
        List<GreenbandEvent> events = new ArrayList<>();
        TopicReader.scanBelow(
                consumerProperties(kafka),
                limits,
                codec,
                (event, record) -> events.add(event.payload()));
        return order(events);
    }

    /**
     * The properties the replay consumer is built with: every {@code kafka.*} setting, no group, no
     * commits.
     */
    static Properties consumerProperties(Map<String, Object> kafka) {
        Properties p =
                KafkaClientSettings.forClient(kafka, "greenband-replay-" + UUID.randomUUID());
        // Partitions are assigned, never subscribed: a group id from the settings would only invite
        // commits.
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        return p;
    }

    /**
     * Events by event time; at equal times a study definition first, then samples (a sample ending
     * when a trial ends belongs to it), then the rest in {@code EventType} order.
     */
    public static List<GreenbandEvent> order(List<GreenbandEvent> events) {
        return ReplayOrder.of(events);
    }

    /** Feeds {@code events} to {@code engine} one by one (it settles after each). */
    public static void feed(List<GreenbandEvent> events, ScoringEngine engine) {
        ReplayOrder.feed(events, engine);
    }
}
