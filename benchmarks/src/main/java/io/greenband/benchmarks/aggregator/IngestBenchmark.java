package io.greenband.benchmarks.aggregator;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.greenband.aggregator.config.SampleIngestion;
import io.greenband.aggregator.driver.EventPublisher;
import io.greenband.aggregator.driver.InMemoryStudyStore;
import io.greenband.aggregator.driver.SampleIngest;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Samples per second end to end: energy-sample events (8 hosts x 4 GPUs, 1 s windows) are put on
 * the embedded broker first, a warm-up share of them is ingested untimed; the timed part is what
 * the service's sample consumer does, with its consumer settings and its sample flow (the driver's
 * {@link SampleIngest} with the consumer's decoding, from {@link SampleIngestion}): poll a batch,
 * decode it, hand it to the driver's engine (ledger, then one unordered bulk write of per-minute
 * bucket upserts into MongoDB through the service's store, also from {@link SampleIngestion}),
 * commit the offsets.
 */
final class IngestBenchmark {

    record Result(
            int samples,
            double seconds,
            double samplesPerSecond,
            double meanBatch,
            double cpuSeconds) {}

    private static final Duration STALL = Duration.ofSeconds(60);

    private IngestBenchmark() {}

    /**
     * Ingests {@code warmup} samples untimed (so the JIT has compiled the path), then times {@code
     * samples} more.
     */
    static Result run(int samples, int warmup) throws Exception {
        TopicRegistry topics = TopicRegistry.withPrefix("bench.");
        try (EmbeddedStack stack = EmbeddedStack.builder().optTopics(topics).start();
                MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
            EventCodec codec =
                    EventCodec.builder()
                            .setSource("/greenband/benchmarks")
                            .optRegistry(topics)
                            .build();
            produce(stack, codec, warmup + samples);
            MongoDatabase db = mongo.getDatabase("bench");
            ScoringEngine engine =
                    ScoringEngine.builder()
                            .setStore(SampleIngestion.store(db))
                            .setStudyStore(new InMemoryStudyStore())
                            .setPublisher(EventPublisher.none())
                            .optRetention(Duration.ofDays(3650))
                            .build();
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-samples");
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            // The service's settings for its energy-sample channel (application.properties).
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
            p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "8388608");
            p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
            // Records the fast path leaves are read by the full codec; one that would be
            // dead-lettered stops the run.
            SampleIngest<ConsumerRecord<String, byte[]>> handler =
                    SampleIngestion.kafkaFlow(
                            engine,
                            r -> Optional.of(codec.decode(r).payload()),
                            (r, error) -> {
                                throw new IllegalStateException(
                                        "benchmark record "
                                                + r.topic()
                                                + "@"
                                                + r.offset()
                                                + " would be dead-lettered: "
                                                + error.getMessage(),
                                        error);
                            });
            int seen = 0;
            int polls = 0;
            int timedFrom = 0;
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            long lastProgress = start;
            boolean timing = warmup == 0;
            try (KafkaConsumer<String, byte[]> consumer =
                    new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topics.name(Topic.ENERGY_SAMPLE)));
                while (seen < warmup + samples) {
                    if (!timing && seen >= warmup) {
                        // The warm-up is done: time from here, over the samples still to come.
                        timing = true;
                        timedFrom = seen;
                        polls = 0;
                        start = System.nanoTime();
                        cpuStart = processCpuNanos();
                    }
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    if (records.isEmpty()) {
                        if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                            throw new IllegalStateException(
                                    "no samples for "
                                            + STALL
                                            + " after "
                                            + seen
                                            + " of "
                                            + samples);
                        }
                        continue;
                    }
                    // As the service: decode, attribute, one bulk write, then commit.
                    seen += handler.accept(records);
                    polls++;
                    consumer.commitSync();
                    lastProgress = System.nanoTime();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            long stored = SampleIngestion.storedSamples(db);
            if (stored != warmup + samples) {
                throw new IllegalStateException(
                        "stored " + stored + " samples, expected " + (warmup + samples));
            }
            int timed = seen - timedFrom;
            return new Result(
                    timed,
                    seconds,
                    timed / seconds,
                    (double) timed / Math.max(1, polls),
                    cpuSeconds);
        }
    }

    /**
     * CPU time of this process (consumer, broker and store all run in it), -1 when the JVM does not
     * say.
     */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static void produce(EmbeddedStack stack, EventCodec codec, int samples)
            throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        // Producing is not timed; on a loaded machine the broker may lag far behind, which must not
        // lose records.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "900000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "900000");
        // A single broker: the leader's acknowledgement is all there is; no producer-id round
        // trips.
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < samples; i++) {
                int stream = i % 32;
                long seq = i / 32;
                String host = "host-" + stream / 4;
                String gpu = "GPU-" + stream;
                Instant from = t0.plusSeconds(seq);
                producer.send(
                        codec.toRecord(
                                new EnergySample(
                                        "node-" + stream / 4,
                                        host,
                                        EnergySample.Component.GPU,
                                        gpu,
                                        "bench GPU",
                                        stream % 4,
                                        EnergySample.Method.NVML_ENERGY_COUNTER,
                                        false,
                                        from,
                                        from.plusSeconds(1),
                                        1_000_000_000L,
                                        250.0,
                                        null,
                                        null,
                                        null,
                                        0,
                                        false,
                                        250.0,
                                        null,
                                        null,
                                        null,
                                        List.of(),
                                        List.of(),
                                        null,
                                        null,
                                        List.of(),
                                        seq)),
                        (m, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException(
                        "producing samples failed: " + failure.get().getMessage(), failure.get());
            }
        }
    }
}
