package io.greenband.aggregator.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.greenband.aggregator.adapter.persistence.MongoAggregatorStore;
import io.greenband.aggregator.adapter.persistence.MongoStudyStore;
import io.greenband.aggregator.config.AggregatorConfig;
import io.greenband.aggregator.core.attribution.AttributionSettings;
import io.greenband.aggregator.driver.EventMapping;
import io.greenband.aggregator.driver.EventPublisher;
import io.greenband.aggregator.driver.FlowScript;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.topic.TopicRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The documents the running service wrote for a scripted study are what one gets (a) by consuming
 * every topic from the beginning into an empty database with a fresh consumer group, and (b) by an
 * aggregator that dies in the middle of the study (its last poll handled but not committed),
 * restarts on the same database, restores its memory from the committed offsets and consumes the
 * rest: nothing lost, nothing counted twice.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class RecoveryFlowTest {

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
    void rereadingAndRestartingReproduceTheServiceDocuments() throws Exception {
        FlowScript script = new FlowScript("recovery-study", FlowScript.T0.plusSeconds(2 * 3600));
        EventCodec codec =
                EventCodec.builder().setSource("/greenband/test").optRegistry(topics).build();
        produce(script, codec);
        MongoAggregatorStore live = new MongoAggregatorStore(database);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (live.trials(script.studyId).size() < 3
                || live.trialEnergy(EventMapping.key(script.trialId(2), 1)).isEmpty()) {
            assertThat(System.nanoTime())
                    .as("the service scores the study within 90 s")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }

        MongoDatabase reread = fresh("reread-" + script.studyId);
        try (TopicDriver driver =
                new TopicDriver(
                        servers,
                        "reread-" + System.nanoTime(),
                        500,
                        topics,
                        codec,
                        engine(reread, EventPublisher.none()))) {
            driver.run(() -> false);
        }
        assertSameDocuments(script, reread);

        MongoDatabase restarted = fresh("restart-" + script.studyId);
        String group = "restart-" + System.nanoTime();
        List<TrialScored> published = new ArrayList<>();
        EventPublisher recording = events -> events.forEach(e -> published.add((TrialScored) e));
        ScoringEngine first = engine(restarted, recording);
        Set<String> names;
        try (TopicDriver driver = new TopicDriver(servers, group, 3, topics, codec, first)) {
            names = driver.topicNames();
            boolean stopped =
                    driver.run(
                            () ->
                                    first.progress(script.studyId)
                                            .filter(p -> p.finished() >= 1 && p.scored() < 3)
                                            .isPresent());
            assertThat(stopped)
                    .as("the first aggregator stops with trials of the study still open")
                    .isTrue();
            driver.handleWithoutCommit();
        }
        ScoringEngine second = engine(restarted, recording);
        int restored =
                StateRecovery.restore(
                        kafka, List.of(new StateRecovery.Group(group, names)), codec, second);
        assertThat(restored).isPositive();
        try (TopicDriver driver = new TopicDriver(servers, group, 3, topics, codec, second)) {
            driver.run(() -> false);
        }
        assertSameDocuments(script, restarted);
        Set<String> scoredTrials = new TreeSet<>();
        published.stream()
                .filter(e -> e.studyId().equals(script.studyId))
                .forEach(e -> scoredTrials.add(e.trialId()));
        assertThat(scoredTrials)
                .containsExactly(script.trialId(0), script.trialId(1), script.trialId(2));
    }

    private void produce(FlowScript script, EventCodec codec) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        List<GreenbandEvent> events = new ArrayList<>();
        events.add(script.study());
        events.addAll(script.trialEvents());
        events.addAll(script.samples());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (GreenbandEvent e : events) {
                producer.send(codec.toRecord(e)).get();
            }
        }
    }

    private MongoDatabase fresh(String name) {
        MongoDatabase db = client.getDatabase(name);
        db.drop();
        return db;
    }

    private ScoringEngine engine(MongoDatabase db, EventPublisher publisher) {
        return ScoringEngine.builder()
                .setStore(new MongoAggregatorStore(db))
                .setStudyStore(new MongoStudyStore(db))
                .setPublisher(publisher)
                .optAttribution(
                        new AttributionSettings(config.gracePeriod(), config.gapTolerance()))
                .build();
    }

    /**
     * Every document of the study in every collection, ids included (they are derived from event
     * ids).
     */
    private void assertSameDocuments(FlowScript script, MongoDatabase other) {
        List<String> trialIds =
                List.of(
                        script.trialId(0) + "#1",
                        script.trialId(1) + "#1",
                        script.trialId(2) + "#1");
        for (Scope c :
                List.of(
                        new Scope(
                                MongoAggregatorStore.TRIALS, Filters.eq("studyId", script.studyId)),
                        new Scope(
                                MongoAggregatorStore.FRONTS, Filters.eq("studyId", script.studyId)),
                        new Scope(
                                MongoAggregatorStore.HYPERVOLUME,
                                Filters.eq("studyId", script.studyId)),
                        new Scope(MongoAggregatorStore.TRIAL_ENERGY, Filters.in("_id", trialIds)),
                        new Scope(MongoAggregatorStore.SAMPLES, Filters.eq("host", script.host)),
                        new Scope(MongoStudyStore.STUDIES, Filters.eq("_id", script.studyId)),
                        new Scope(MongoStudyStore.RUNS, Filters.eq("studyId", script.studyId)))) {
            List<Document> expected = documents(database, c);
            assertThat(expected).as(c.collection()).isNotEmpty();
            assertThat(documents(other, c))
                    .as(other.getName() + "." + c.collection())
                    .isEqualTo(expected);
        }
    }

    private record Scope(String collection, Bson filter) {}

    private static List<Document> documents(MongoDatabase db, Scope scope) {
        return db.getCollection(scope.collection())
                .find(scope.filter())
                .sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }
}
