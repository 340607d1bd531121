package io.greenband.trainer.adapter.messaging;

import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test side of the broker: publishes events and collects what the trainer sends, decoded. */
final class EventLog implements AutoCloseable {

    private final EventCodec codec;
    private final TopicRegistry topics;
    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ReceivedEvent> received = new ArrayList<>();
    private final List<ConsumerRecord<String, byte[]>> raw = new ArrayList<>();

    EventLog(String bootstrap, TopicRegistry topics, Topic... watched) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.codec = EventCodec.builder().setSource("/greenband/test").optRegistry(topics).build();
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new StringSerializer(),
                        new ByteArraySerializer());
        this.consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic topic : watched) {
            String name = topics.name(topic);
            consumer.partitionsFor(name)
                    .forEach(p -> partitions.add(new TopicPartition(name, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Publishes {@code event} and waits until stored. */
    void publish(GreenbandEvent event) throws Exception {
        producer.send(codec.toRecord(event)).get();
    }

    /** Publishes raw bytes to {@code topic} and waits until stored. */
    void publishRaw(Topic topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topics.name(topic), key, value)).get();
    }

    /**
     * Reads until {@code done} holds for everything received so far, or fails after {@code limit}.
     */
    List<ReceivedEvent> awaitUntil(Predicate<List<ReceivedEvent>> done, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.test(received)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "condition not met within " + limit + "; received " + describe());
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                raw.add(record);
                // Dead letters carry the original record (headers included), not an event of their
                // own.
                if (!record.topic().equals(topics.name(Topic.DEAD_LETTER))) {
                    received.add(codec.decode(record));
                }
            }
        }
        return List.copyOf(received);
    }

    /**
     * Reads until a record arrived on {@code topic}, or fails after {@code limit}; returns the raw
     * records.
     */
    List<ConsumerRecord<String, byte[]>> awaitRecordOn(Topic topic, Duration limit) {
        String name = topics.name(topic);
        awaitUntil(all -> raw.stream().anyMatch(r -> r.topic().equals(name)), limit);
        return raw();
    }

    /** Raw records read so far (headers, keys). */
    List<ConsumerRecord<String, byte[]>> raw() {
        return List.copyOf(raw);
    }

    /** The offset the group committed on {@code topic} partition 0, or -1. */
    long committed(String group, Topic topic) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata offset = offsets.get(new TopicPartition(topics.name(topic), 0));
            return offset == null ? -1 : offset.offset();
        }
    }

    private String describe() {
        return received.stream().map(e -> e.type() + "/" + e.subject()).toList().toString();
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
