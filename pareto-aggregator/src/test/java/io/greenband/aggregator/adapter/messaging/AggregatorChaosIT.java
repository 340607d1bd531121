package io.greenband.aggregator.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.greenband.aggregator.adapter.persistence.MongoAggregatorStore;
import io.greenband.aggregator.adapter.persistence.MongoProgressStore;
import io.greenband.aggregator.adapter.persistence.MongoStudyStore;
import io.greenband.aggregator.core.attribution.AttributionSettings;
import io.greenband.aggregator.driver.FlowScript;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.kafka.DeadLetterRecords;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.ConsumerWatch;
import io.greenband.servicekit.intake.EventIntake;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The aggregator's consumers against hostile records on a real broker: every row of {@link
 * ChaosTable} is sent to its topic followed by a good record on the same topic; each hostile record
 * must be dead-lettered with its reason and origin, each good one processed (committed, not
 * dead-lettered), the consumers healthy throughout, and a scripted study sent afterwards scored as
 * usual.
 */
@EmbeddedStackTest
class AggregatorChaosIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);

    EmbeddedStack stack;

    @Test
    void everyHostileRecordIsDeadLetteredWithItsReasonAndTheNextGoodOneProcessed()
            throws Exception {
        TopicRegistry topics = TopicRegistry.withPrefix("chaos.").withPartitions(2);
        stack.createTopics(topics);
        Map<String, Object> kafka = Map.of("bootstrap.servers", stack.kafkaBootstrapServers());
        EventIntake intake = new EventIntake(topics, kafka, "greenband-pareto-aggregator");
        ChaosRecords r = new ChaosRecords(intake.codec(), topics);
        List<TrialScored> scored = new CopyOnWriteArrayList<>();
        ConsumerWatch watch = new ConsumerWatch(Duration.ofMinutes(2), java.time.Clock.systemUTC());
        ConsumerGroups groups = ConsumerGroups.of("chaos", "r1", null, topics);
        try (MongoClient mongo = MongoClients.create(stack.mongoConnectionString());
                IndexedLog log = new IndexedLog(props(), topics, intake.codec());
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(
                                props(), new StringSerializer(), new ByteArraySerializer())) {
            MongoDatabase db = mongo.getDatabase("chaos");
            MongoAggregatorStore store = new MongoAggregatorStore(db);
            store.ensureIndexes();
            MongoStudyStore studies = new MongoStudyStore(db);
            studies.ensureIndexes();
            ScoringEngine engine =
                    ScoringEngine.builder()
                            .setStore(store)
                            .setStudyStore(studies)
                            .setPublisher(
                                    events -> events.forEach(e -> scored.add((TrialScored) e)))
                            .optAttribution(
                                    new AttributionSettings(
                                            Duration.ofSeconds(30), Duration.ofMillis(500)))
                            .build();
            EventConsumers consumers =
                    new EventConsumers(
                            intake,
                            engine,
                            new LogIntegrity(log),
                            PowerBounds.DEFAULTS,
                            groups,
                            watch,
                            new MongoProgressStore(db),
                            kafka);
            try {
                for (GreenbandEvent e : ChaosTable.setUp(r)) {
                    producer.send(r.record(e)).get();
                }
                consumers.start(null);
                List<ChaosTable.Row> rows = ChaosTable.rows(r);
                assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
                Map<String, ChaosTable.Row> hostile = new HashMap<>();
                List<RecordMetadata> good = new ArrayList<>();
                int k = 0;
                for (ChaosTable.Row row : rows) {
                    hostile.put(origin(producer.send(row.record()).get()), row);
                    RecordMetadata last = null;
                    for (GreenbandEvent e : r.good(row.topic(), k++)) {
                        last = producer.send(r.record(e)).get();
                    }
                    good.add(last);
                }
                FlowScript flow = new FlowScript("chaos-flow", ChaosRecords.T.plusSeconds(3600));
                List<GreenbandEvent> script = new ArrayList<>(List.of(flow.study()));
                script.addAll(flow.trialEvents());
                script.addAll(flow.samples());
                for (GreenbandEvent e : script) {
                    producer.send(r.record(e)).get();
                }

                Map<String, String> letters = awaitDeadLetters(topics, hostile.keySet());
                for (Map.Entry<String, ChaosTable.Row> e : hostile.entrySet()) {
                    assertThat(letters.get(e.getKey()))
                            .as(e.getValue().name() + " at " + e.getKey())
                            .isEqualTo(e.getValue().reason());
                }
                awaitCommitted(groups, good);
                for (RecordMetadata g : good) {
                    assertThat(letters)
                            .as("good record at " + origin(g))
                            .doesNotContainKey(origin(g));
                }
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (scored.stream().filter(s -> s.studyId().equals("chaos-flow")).count() < 3
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(scored)
                        .filteredOn(s -> s.studyId().equals("chaos-flow"))
                        .extracting(TrialScored::trialId)
                        .containsExactlyInAnyOrder(
                                flow.trialId(0), flow.trialId(1), flow.trialId(2));
                assertThat(scored)
                        .as("no event the log does not vouch for is scored")
                        .noneMatch(
                                s ->
                                        List.of("ghost", "never", "x1", "p0").contains(s.trialId())
                                                || s.studyId().equals("no-such-study"));
                assertThat(scored)
                        .as("the first end of b0 stands")
                        .filteredOn(s -> s.trialId().equals("b0"))
                        .allSatisfy(s -> assertThat(s.objectives().get(0).value()).isEqualTo(0.3));
                assertThat(watch.status().up()).as(watch.status().data().toString()).isTrue();
                assertThat(watch.status().data())
                        .containsKeys("studies", "trials", "energy-sample");
            } finally {
                consumers.stop();
            }
        }
    }

    private Map<String, String> awaitDeadLetters(
            TopicRegistry topics, java.util.Set<String> expected) {
        Map<String, String> kinds = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(
                        props(), new StringDeserializer(), new ByteArrayDeserializer())) {
            String name = topics.name(Topic.DEAD_LETTER);
            List<TopicPartition> parts =
                    c.partitionsFor(name).stream()
                            .map(i -> new TopicPartition(name, i.partition()))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!kinds.keySet().containsAll(expected) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> d : c.poll(Duration.ofMillis(200))) {
                    kinds.put(
                            header(d, DeadLetterRecords.TOPIC)
                                    + "-"
                                    + header(d, DeadLetterRecords.PARTITION)
                                    + "@"
                                    + header(d, DeadLetterRecords.OFFSET),
                            header(d, DeadLetterRecords.KIND));
                }
            }
        }
        return kinds;
    }

    private void awaitCommitted(ConsumerGroups groups, List<RecordMetadata> good) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (Admin admin = Admin.create(props())) {
            while (true) {
                Map<TopicPartition, Long> committed = new HashMap<>();
                for (String g : List.of(groups.studies(), groups.trials(), groups.samples())) {
                    Map<TopicPartition, OffsetAndMetadata> o =
                            admin.listConsumerGroupOffsets(g)
                                    .partitionsToOffsetAndMetadata()
                                    .get(30, TimeUnit.SECONDS);
                    o.forEach((tp, om) -> committed.put(tp, om == null ? 0 : om.offset()));
                }
                List<String> behind =
                        good.stream()
                                .filter(
                                        m ->
                                                committed.getOrDefault(
                                                                new TopicPartition(
                                                                        m.topic(), m.partition()),
                                                                0L)
                                                        <= m.offset())
                                .map(AggregatorChaosIT::origin)
                                .toList();
                if (behind.isEmpty()) {
                    return;
                }
                assertThat(System.nanoTime())
                        .as("good records not committed: " + behind)
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    private Properties props() {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafkaBootstrapServers());
        p.put("max.request.size", "2000000");
        return p;
    }

    private static String origin(RecordMetadata m) {
        return m.topic() + "-" + m.partition() + "@" + m.offset();
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
