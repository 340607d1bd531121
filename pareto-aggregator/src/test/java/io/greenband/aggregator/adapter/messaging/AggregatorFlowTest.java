package io.greenband.aggregator.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.greenband.aggregator.adapter.persistence.MongoAggregatorStore;
import io.greenband.aggregator.adapter.persistence.MongoStudyStore;
import io.greenband.aggregator.config.AggregatorConfig;
import io.greenband.aggregator.core.attribution.AttributionSettings;
import io.greenband.aggregator.driver.EventPublisher;
import io.greenband.aggregator.driver.FlowScript;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.events.EventType;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The running service on the embedded stack: a scripted study (after a malformed record) yields the
 * expected trial-scored events and MongoDB views, the malformed record lands in dead-letter, and
 * replaying the topics into an empty database gives the same documents.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class AggregatorFlowTest {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject TopicRegistry topics;
    @Inject MongoDatabase database;
    @Inject MongoClient client;
    @Inject AggregatorConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Test
    void scriptedStudyIsScoredStoredDeadLetteredAndReplayedIdentically() throws Exception {
        FlowScript script = new FlowScript("flow-study");
        EventCodec codec =
                EventCodec.builder().setSource("/greenband/test").optRegistry(topics).build();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        producerProps(servers),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            // Garbage first: the consumer must dead-letter it and go on.
            producer.send(
                            new ProducerRecord<>(
                                    topics.name(Topic.TRIAL_FINISHED),
                                    script.studyId,
                                    "{not an event".getBytes(StandardCharsets.UTF_8)))
                    .get();
            producer.send(codec.toRecord(script.study())).get();
            for (GreenbandEvent e : script.trialEvents()) {
                producer.send(codec.toRecord(e)).get();
            }
            for (GreenbandEvent e : script.samples()) {
                producer.send(codec.toRecord(e));
            }
            producer.flush();
        }

        List<ConsumerRecord<String, byte[]>> scored =
                readUntil(servers, topics.name(Topic.TRIAL_SCORED), script.studyId, 3);
        List<TrialScored> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : scored) {
            assertThat(r.key()).isEqualTo(script.studyId);
            assertThat(header(r, "ce_type")).isEqualTo(EventType.TRIAL_SCORED.ceType());
            events.add(codec.decode(r).payload(TrialScored.class));
        }
        events.sort(Comparator.comparing(TrialScored::trialId));
        for (int i = 0; i < 3; i++) {
            TrialScored e = events.get(i);
            assertThat(e.trialId()).isEqualTo(script.trialId(i));
            assertThat(e.objectives().get(0).value()).isEqualTo(FlowScript.ERRORS[i]);
            assertThat(e.objectives().get(1).value()).isCloseTo(FlowScript.grams(i), within(1e-9));
            assertThat(e.energy().totalJoules()).isCloseTo(FlowScript.joules(i), within(1e-6));
            assertThat(e.emissions().intensitySource()).isEqualTo("fixed");
            assertThat(e.scoredAt())
                    .isEqualTo(FlowScript.T0.plusSeconds(100L * i + 60).plus(config.gracePeriod()));
        }

        MongoAggregatorStore store = new MongoAggregatorStore(database);
        assertThat(store.trials(script.studyId)).hasSize(3);
        assertThat(store.fronts(script.studyId))
                .singleElement()
                .satisfies(
                        f ->
                                assertThat(f.members().stream().map(p -> p.id()).sorted().toList())
                                        .containsExactly(
                                                script.trialId(1) + "#1",
                                                script.trialId(2) + "#1"));

        List<ConsumerRecord<String, byte[]>> dead =
                readUntil(servers, topics.name(Topic.DEAD_LETTER), script.studyId, 1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8))
                .isEqualTo("{not an event");
        assertThat(header(dead.get(0), "dead-letter-topic"))
                .isEqualTo(topics.name(Topic.TRIAL_FINISHED));

        MongoDatabase replayDb = client.getDatabase("replay-" + script.studyId);
        replayDb.drop();
        ScoringEngine replay =
                ScoringEngine.builder()
                        .setStore(new MongoAggregatorStore(replayDb))
                        .setStudyStore(new MongoStudyStore(replayDb))
                        .setPublisher(EventPublisher.none())
                        .optAttribution(
                                new AttributionSettings(
                                        config.gracePeriod(), config.gapTolerance()))
                        .build();
        TopicReplay.feed(TopicReplay.read(kafka, topics, codec), replay);
        List<String> trialIds = List.of(script.trialId(0), script.trialId(1), script.trialId(2));
        for (var c :
                List.of(
                        new Scope(
                                MongoAggregatorStore.TRIALS, Filters.eq("studyId", script.studyId)),
                        new Scope(
                                MongoAggregatorStore.FRONTS, Filters.eq("studyId", script.studyId)),
                        new Scope(
                                MongoAggregatorStore.HYPERVOLUME,
                                Filters.eq("studyId", script.studyId)),
                        new Scope(
                                MongoAggregatorStore.TRIAL_ENERGY, Filters.in("trialId", trialIds)),
                        new Scope(MongoAggregatorStore.SAMPLES, Filters.eq("host", script.host)),
                        new Scope(MongoStudyStore.STUDIES, Filters.eq("_id", script.studyId)),
                        new Scope(MongoStudyStore.RUNS, Filters.eq("studyId", script.studyId)))) {
            List<Document> live = documents(database, c);
            assertThat(live).as(c.collection()).isNotEmpty();
            assertThat(documents(replayDb, c)).as(c.collection()).isEqualTo(live);
        }
    }

    private record Scope(String collection, Bson filter) {}

    private static List<Document> documents(MongoDatabase db, Scope scope) {
        return db.getCollection(scope.collection())
                .find(scope.filter())
                .sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    /**
     * Reads {@code topic} from the beginning until {@code count} records keyed {@code key} arrived.
     */
    static List<ConsumerRecord<String, byte[]>> readUntil(
            String servers, String topic, String key, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        // A group per study: each test reads its own study's records from the beginning.
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "flow-test-" + key + "-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await(
                    () -> {
                        consumer.poll(Duration.ofMillis(200))
                                .forEach(
                                        r -> {
                                            if (key.equals(r.key())) {
                                                out.add(r);
                                            }
                                        });
                        return out.size() >= count;
                    },
                    count + " records keyed " + key + " on " + topic);
        }
        return out;
    }

    /** Spins until {@code condition} holds, failing after {@link #PATIENCE}. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + PATIENCE);
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A producer waiting for every replica. */
    static Properties producerProps(String servers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", servers);
        p.put("acks", "all");
        return p;
    }
}
