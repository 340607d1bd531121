package io.greenband.aggregator.adapter.messaging;

import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.topic.TopicRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumes the aggregator's input topics into an engine the way the service does, in arrival order:
 * records of a poll handed over one by one, samples in batches through {@link SampleBatches},
 * offsets committed after each poll. One consumer group for all topics, so a test can stop it,
 * restart it and read its offsets.
 */
final class TopicDriver implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec;
    private final ScoringEngine engine;
    private final SampleBatches samples;
    private final Set<String> topicNames;

    TopicDriver(
            String servers,
            String groupId,
            int maxPollRecords,
            TopicRegistry topics,
            EventCodec codec,
            ScoringEngine engine) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
        this.consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.codec = codec;
        this.engine = engine;
        this.samples =
                new SampleBatches(
                        new RecordIntake() {
                            @Override
                            public Optional<GreenbandEvent> decode(
                                    ConsumerRecord<String, byte[]> record) {
                                return TopicDriver.this.decode(record);
                            }

                            @Override
                            public void deadLetter(
                                    ConsumerRecord<String, byte[]> record, Throwable error) {
                                // The service dead-letters it; here it is simply skipped, as the
                                // service's offsets move on.
                            }
                        },
                        engine);
        this.topicNames = TopicReplay.INPUTS.stream().map(topics::name).collect(Collectors.toSet());
        consumer.subscribe(List.copyOf(topicNames));
    }

    /** The input topic names. */
    Set<String> topicNames() {
        return topicNames;
    }

    /**
     * Polls, hands each poll to the engine and commits, until every partition is read to the end
     * offsets taken at the first assignment or {@code stop} holds after a poll; returns whether it
     * stopped early.
     */
    boolean run(BooleanSupplier stop) {
        Map<TopicPartition, Long> end = null;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
            if (end == null && !consumer.assignment().isEmpty()) {
                end = consumer.endOffsets(consumer.assignment());
            }
            handle(records);
            consumer.commitSync();
            if (stop.getAsBoolean()) {
                return true;
            }
            Map<TopicPartition, Long> limits = end;
            if (limits != null
                    && limits.keySet().stream()
                            .allMatch(tp -> consumer.position(tp) >= limits.get(tp))) {
                return false;
            }
        }
        throw new AssertionError("the topics were not read to the end within " + PATIENCE);
    }

    /** One more poll handed to the engine but not committed: the process dies before its commit. */
    void handleWithoutCommit() {
        ConsumerRecords<String, byte[]> records = ConsumerRecords.empty();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (records.isEmpty() && System.nanoTime() < deadline) {
            records = consumer.poll(Duration.ofMillis(200));
        }
        handle(records);
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (SampleBatches.quickDecode(r).isPresent()
                    || decode(r).filter(e -> e instanceof EnergySample).isPresent()) {
                batch.add(r);
                continue;
            }
            flush(batch);
            decode(r).ifPresent(engine::accept);
        }
        flush(batch);
    }

    private void flush(List<ConsumerRecord<String, byte[]>> batch) {
        if (!batch.isEmpty()) {
            samples.accept(List.copyOf(batch));
            batch.clear();
        }
    }

    private Optional<GreenbandEvent> decode(ConsumerRecord<String, byte[]> r) {
        try {
            return Optional.of(codec.decode(r).payload());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
