package io.greenband.benchmarks.aggregator;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.greenband.aggregator.adapter.messaging.EventPublisher;
import io.greenband.aggregator.adapter.messaging.ScoringEngine;
import io.greenband.aggregator.adapter.persistence.MongoAggregatorStore;
import io.greenband.aggregator.adapter.persistence.MongoStudyStore;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.events.codec.EventCodec;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
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
 * Samples per second end to end: {@code samples} energy-sample events (8 hosts x 4 GPUs, 1 s windows) are put
 * on the embedded broker first; the timed part is what the service's sample consumer does: poll batches,
 * decode and validate each record with the shared codec, hand the batch to the engine (ledger + one
 * bulk upsert into MongoDB), commit the offsets.
 */
final class IngestBenchmark {

    record Result(int samples, double seconds, double samplesPerSecond) {
    }

    private IngestBenchmark() {
    }

    static Result run(int samples) throws Exception {
        TopicRegistry topics = TopicRegistry.withPrefix("bench.");
        try (EmbeddedStack stack = EmbeddedStack.builder().optTopics(topics).start();
                MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
            EventCodec codec = EventCodec.builder().setSource("/greenband/benchmarks").optRegistry(topics).build();
            produce(stack, codec, samples);
            MongoDatabase db = mongo.getDatabase("bench");
            MongoAggregatorStore store = new MongoAggregatorStore(db);
            ScoringEngine engine = ScoringEngine.builder().setStore(store).setStudyStore(new MongoStudyStore(db))
                    .setPublisher(EventPublisher.none()).optRetention(Duration.ofDays(3650)).build();
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-samples");
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            int seen = 0;
            long start = System.nanoTime();
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topics.name(Topic.ENERGY_SAMPLE)));
                while (seen < samples) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    List<EnergySample> batch = new ArrayList<>(records.count());
                    for (ConsumerRecord<String, byte[]> r : records) {
                        batch.add(codec.decode(r).payload(EnergySample.class));
                    }
                    engine.acceptSamples(batch);
                    consumer.commitSync();
                    seen += batch.size();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (store.sampleCount() != samples) {
                throw new IllegalStateException("stored " + store.sampleCount() + " samples, expected " + samples);
            }
            return new Result(samples, seconds, samples / seconds);
        }
    }

    private static void produce(EmbeddedStack stack, EventCodec codec, int samples) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < samples; i++) {
                int stream = i % 32;
                long seq = i / 32;
                String host = "host-" + stream / 4;
                String gpu = "GPU-" + stream;
                Instant from = t0.plusSeconds(seq);
                producer.send(codec.toRecord(new EnergySample("node-" + stream / 4, host, EnergySample.Component.GPU,
                        gpu, "bench GPU", stream % 4, EnergySample.Method.NVML_ENERGY_COUNTER, false, from,
                        from.plusSeconds(1), 1_000_000_000L, 250.0, null, null, null, 0, false, 250.0, null, null,
                        null, List.of(), List.of(), null, null, List.of(), seq)));
            }
            producer.flush();
        }
    }
}
