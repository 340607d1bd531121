package io.greenband.suggester.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.EventIntake;
import io.greenband.suggester.adapter.persistence.SnapshotStore;
import io.greenband.suggester.driver.Studies;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The consumer loop on the real embedded broker and MongoDB server, against a scripted scorer. */
@EmbeddedStackTest
class SuggesterLoopIT {

    private static final AtomicInteger RUN = new AtomicInteger();

    EmbeddedStack stack;

    private final List<AutoCloseable> open = new ArrayList<>();
    private TopicRegistry topics;
    private Properties client;
    private EventCodec codec;
    private MongoClient mongo;

    @AfterEach
    void close() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void runsToItsStopSkipsGarbageAndAReplayReproducesTheSuggestions() throws Exception {
        setUp();
        List<TrialSuggested> first = Collections.synchronizedList(new ArrayList<>());
        SuggesterLoop loop = loop("replay-a", first);
        open.add(new ScriptedScorer(client, topics, s -> true));
        send(
                new ProducerRecord<>(
                        topics.name(Topic.TRIAL_SCORED), "s1", "not an event".getBytes()));
        send(codec.toRecord(Studies.study("s1", 2, 10, 1, 60)));

        StudyStopped stop =
                await(
                        () ->
                                events(Topic.STUDIES, StudyStopped.class).stream()
                                        .findFirst()
                                        .orElse(null));
        assertThat(stop.reason()).isEqualTo(StudyStopped.Reason.BUDGET_EXHAUSTED);
        assertThat(stop.detail()).contains("maxTrials 10");
        assertThat(records(Topic.DEAD_LETTER)).hasSize(1);
        loop.close();
        List<TrialSuggested> inLog = events(Topic.TRIAL_SUGGESTED, TrialSuggested.class);
        assertThat(inLog).hasSize(10).extracting(TrialSuggested::trialId).doesNotHaveDuplicates();
        // Compared as JSON: decoded numbers may come back as another boxed type.
        assertThat(json(first)).containsExactlyInAnyOrderElementsOf(json(inLog));

        // A fresh suggester with an empty MongoDB reads the same log from offset 0.
        List<TrialSuggested> replayed = Collections.synchronizedList(new ArrayList<>());
        SuggesterLoop replay = loop("replay-b", replayed);
        await(
                () ->
                        replayed.size() >= 10
                                        && replay.driver()
                                                .run("s1")
                                                .map(r -> r.stopped())
                                                .orElse(false)
                                ? replayed
                                : null);
        assertThat(json(replayed)).containsExactlyElementsOf(json(first));
        assertThat(events(Topic.TRIAL_SUGGESTED, TrialSuggested.class)).hasSize(10);
        assertThat(events(Topic.STUDIES, StudyStopped.class)).hasSize(1);
    }

    @Test
    void anExpiredLeaseIsDeclaredLostInTheLogAndRetried() throws Exception {
        setUp();
        loop("lease", new ArrayList<>());
        // The first attempt of the first trial never answers.
        open.add(
                new ScriptedScorer(
                        client,
                        topics,
                        s -> !(s.trialId().equals("s2-t0000") && s.attempt() == 1)));
        send(codec.toRecord(Studies.study("s2", 1, 3, 1, 2)));

        // The scorer reports each answered trial's end too: the LOST verdict is the one end it did
        // not write.
        TrialFinished lost =
                await(
                        () ->
                                events(Topic.TRIAL_FINISHED, TrialFinished.class).stream()
                                        .filter(f -> f.status() == TrialStatus.LOST)
                                        .findFirst()
                                        .orElse(null));
        assertThat(lost.status()).isEqualTo(TrialStatus.LOST);
        assertThat(lost.trialId()).isEqualTo("s2-t0000");
        assertThat(
                        records(Topic.TRIAL_FINISHED).stream()
                                .filter(
                                        r ->
                                                codec.decode(r)
                                                                .payload(TrialFinished.class)
                                                                .status()
                                                        == TrialStatus.LOST)
                                .findFirst()
                                .orElseThrow()
                                .headers()
                                .lastHeader(SuggesterLoop.STAMP_HEADER))
                .isNotNull();
        await(() -> events(Topic.STUDIES, StudyStopped.class).stream().findFirst().orElse(null));
        List<TrialSuggested> log = events(Topic.TRIAL_SUGGESTED, TrialSuggested.class);
        assertThat(log)
                .filteredOn(s -> s.trialId().equals("s2-t0000"))
                .extracting(TrialSuggested::attempt)
                .containsExactly(1, 2);
        assertThat(log)
                .extracting(TrialSuggested::trialId)
                .containsOnly("s2-t0000", "s2-t0001", "s2-t0002");

        // A replay applies the stamped LOST verdict where it was made: same retry, same
        // suggestions, nothing new.
        List<TrialSuggested> replayed = Collections.synchronizedList(new ArrayList<>());
        SuggesterLoop replay = loop("lease-replay", replayed);
        await(() -> replay.driver().run("s2").map(r -> r.stopped()).orElse(false) ? true : null);
        replay.close();
        assertThat(json(replayed)).containsExactlyInAnyOrderElementsOf(json(log));
        assertThat(events(Topic.TRIAL_SUGGESTED, TrialSuggested.class)).hasSize(log.size());
        assertThat(events(Topic.TRIAL_FINISHED, TrialFinished.class))
                .filteredOn(f -> f.status() == TrialStatus.LOST)
                .hasSize(1);
    }

    @Test
    void aRestartMidStudyResumesWithoutRepeatsOrGaps() throws Exception {
        setUp();
        SuggesterLoop before = loop("restart", new ArrayList<>());
        ScriptedScorer early =
                new ScriptedScorer(client, topics, s -> s.trialId().compareTo("s3-t0005") < 0);
        send(codec.toRecord(Studies.study("s3", 2, 12, 1, 60)));
        await(() -> events(Topic.TRIAL_SUGGESTED, TrialSuggested.class).size() >= 7 ? true : null);
        early.close();
        before.close();
        assertThat(database("restart").getCollection("suggester_snapshots").countDocuments())
                .isEqualTo(1);

        loop("restart", new ArrayList<>());
        open.add(new ScriptedScorer(client, topics, s -> true));
        await(() -> events(Topic.STUDIES, StudyStopped.class).stream().findFirst().orElse(null));
        List<String> ids =
                events(Topic.TRIAL_SUGGESTED, TrialSuggested.class).stream()
                        .map(TrialSuggested::trialId)
                        .sorted()
                        .toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add(String.format("s3-t%04d", i));
        }
        assertThat(ids).isEqualTo(expected);
    }

    private List<String> json(List<TrialSuggested> suggestions) {
        synchronized (suggestions) {
            return suggestions.stream()
                    .map(s -> new String(codec.toJson(s), StandardCharsets.UTF_8))
                    .toList();
        }
    }

    private void setUp() {
        topics = TopicRegistry.withPrefix("sg" + RUN.incrementAndGet() + ".").withPartitions(2);
        stack.createTopics(topics);
        client = new Properties();
        client.put("bootstrap.servers", stack.kafkaBootstrapServers());
        codec = EventCodec.builder().setSource("/greenband/test").optRegistry(topics).build();
        mongo = MongoClients.create(stack.mongoConnectionString());
        open.add(mongo);
    }

    private MongoDatabase database(String name) {
        return mongo.getDatabase(topics.prefix().replace(".", "") + "-" + name);
    }

    private SuggesterLoop loop(String db, List<TrialSuggested> observed)
            throws InterruptedException {
        EventIntake intake =
                new EventIntake(
                        topics,
                        java.util.Map.of("bootstrap.servers", stack.kafkaBootstrapServers()),
                        "greenband-suggester");
        SnapshotStore store =
                new SnapshotStore(database(db), "suggester_snapshots", intake.codec());
        SuggesterLoop loop =
                new SuggesterLoop(
                                new LoopSettings(Duration.ofMillis(100), 1, Duration.ZERO),
                                client,
                                topics,
                                intake,
                                store,
                                Clock.systemUTC(),
                                observed::add)
                        .start();
        open.add(loop);
        assertThat(loop.awaitReady(Duration.ofSeconds(60))).isTrue();
        return loop;
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        try (KafkaProducer<String, byte[]> p =
                new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
            p.send(record).get();
        }
    }

    private <T> List<T> events(Topic topic, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records(topic)) {
            try {
                ReceivedEvent e = codec.decode(r);
                if (type.isInstance(e.payload())) {
                    out.add(type.cast(e.payload()));
                }
            } catch (RuntimeException ignored) {
                // Garbage stays garbage.
            }
        }
        return out;
    }

    private List<ConsumerRecord<String, byte[]>> records(Topic topic) {
        try (KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(
                        client, new StringDeserializer(), new ByteArrayDeserializer())) {
            String name = topics.name(topic);
            List<TopicPartition> parts =
                    c.partitionsFor(name).stream()
                            .map(i -> new TopicPartition(name, i.partition()))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            var end = c.endOffsets(parts);
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(100)).forEach(out::add);
            }
            return out;
        }
    }

    /** Polls until {@code probe} answers non-null; the build's own timeout bounds a hang. */
    private static <T> T await(java.util.function.Supplier<T> probe) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not reached within 120 s");
    }
}
