package io.greenband.suggester.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.codec.EventJson;
import io.greenband.events.kafka.DeadLetterRecords;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialProgress;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.ConsumerWatch;
import io.greenband.servicekit.intake.EventIntake;
import io.greenband.suggester.adapter.persistence.SnapshotStore;
import io.greenband.suggester.driver.Studies;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The suggester against hostile records on a real broker, while a scripted scorer answers every
 * suggestion of a good study: each hostile record is dead-lettered with its reason, the good study
 * defined after a 100,000-choice one runs to its budget (so every good record after a hostile one
 * was applied), and the loop stays healthy.
 */
@EmbeddedStackTest
class SuggesterChaosIT {

    private static final String POISON_TIME = "2026-12-07T16:45:44.250920148Z |";

    EmbeddedStack stack;

    private record Row(String name, String reason, ProducerRecord<String, byte[]> record) {}

    @Test
    void hostileRecordsAreDeadLetteredAndTheStudyRunsToItsBudget() throws Exception {
        TopicRegistry topics = TopicRegistry.withPrefix("sgchaos.").withPartitions(2);
        stack.createTopics(topics);
        Properties client = new Properties();
        client.put("bootstrap.servers", stack.kafkaBootstrapServers());
        EventCodec codec =
                EventCodec.builder().setSource("/greenband/test").optRegistry(topics).build();
        EventCodec scorer =
                EventCodec.builder()
                        .setSource(SuggesterLoop.DEFAULT_SCORER_SOURCE)
                        .optRegistry(topics)
                        .build();
        EventCodec evil =
                EventCodec.builder().setSource("/greenband/evil").optRegistry(topics).build();
        ConsumerWatch watch = new ConsumerWatch(Duration.ofMinutes(2), Clock.systemUTC());
        EventIntake intake =
                new EventIntake(
                        topics,
                        Map.of("bootstrap.servers", stack.kafkaBootstrapServers()),
                        "greenband-suggester");
        Properties big = new Properties();
        big.putAll(client);
        big.put("max.request.size", "2000000");
        try (MongoClient mongo = MongoClients.create(stack.mongoConnectionString());
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(
                                big, new StringSerializer(), new ByteArraySerializer())) {
            SnapshotStore store =
                    new SnapshotStore(
                            mongo.getDatabase("sgchaos"), "suggester_snapshots", intake.codec());
            SuggesterLoop loop =
                    new SuggesterLoop(
                                    new LoopSettings(Duration.ofMillis(100), 1, Duration.ZERO),
                                    client,
                                    topics,
                                    intake,
                                    store,
                                    Clock.systemUTC(),
                                    s -> {})
                            .watchedBy(watch)
                            .start();
            ScriptedScorer answers = new ScriptedScorer(client, topics, s -> true);
            try {
                assertThat(loop.awaitReady(Duration.ofSeconds(60))).isTrue();
                StudyDefined ok = Studies.study("ok", 1, 6, 1, 60);
                TrialProgress progress =
                        new TrialProgress(
                                "nope", "x", 1, 1, 2, Map.of("loss", 0.123456), Instant.now());
                List<Row> rows = new ArrayList<>();
                rows.add(
                        new Row(
                                "studies: 100,000 choices",
                                "STUDY_LIMIT",
                                space(codec, "huge", hps -> cat(hps, 0, 100_000))));
                rows.add(
                        new Row(
                                "studies: 201 hyperparameters",
                                "STUDY_LIMIT",
                                space(
                                        codec,
                                        "wide",
                                        hps -> {
                                            for (int i = 0; i < 201; i++) {
                                                cat(hps, i, 2);
                                            }
                                        })));
                rows.add(
                        new Row(
                                "studies: empty space",
                                "INVALID_STUDY",
                                space(codec, "empty", hps -> {})));
                rows.add(
                        new Row(
                                "studies: tombstone",
                                "TOMBSTONE",
                                value(codec.toRecord(ok), null)));
                rows.add(
                        new Row(
                                "studies: not JSON",
                                "MALFORMED_JSON",
                                value(codec.toRecord(ok), "{".getBytes())));
                rows.add(
                        new Row(
                                "studies: poison ce_time",
                                "BAD_ENVELOPE",
                                header(codec.toRecord(ok), "ce_time", POISON_TIME)));
                List<Row> afterStudy = new ArrayList<>();
                TrialSuggested forged =
                        new TrialSuggested(
                                "ok",
                                "ok-t9999",
                                1,
                                "c",
                                Map.of("learning_rate", 0.01),
                                1,
                                0,
                                0,
                                1,
                                60,
                                "x",
                                ok.fingerprint(),
                                Instant.now());
                ProducerRecord<String, byte[]> score = scorer.toRecord(Studies.score(forged));
                afterStudy.add(
                        new Row(
                                "trial-scored: forged source",
                                "UNTRUSTED_SOURCE",
                                evil.toRecord(Studies.score(forged))));
                afterStudy.add(new Row("trial-scored: never finished", "UNKNOWN_TRIAL", score));
                afterStudy.add(
                        new Row(
                                "trial-scored: unknown study",
                                "UNKNOWN_STUDY",
                                scorer.toRecord(
                                        Studies.score(
                                                new TrialSuggested(
                                                        "nope",
                                                        "nope-t1",
                                                        1,
                                                        "c",
                                                        Map.of("learning_rate", 0.01),
                                                        1,
                                                        0,
                                                        0,
                                                        1,
                                                        60,
                                                        "x",
                                                        "fp",
                                                        Instant.now())))));
                afterStudy.add(
                        new Row(
                                "trial-scored: not JSON",
                                "MALFORMED_JSON",
                                value(score, "nope".getBytes())));
                afterStudy.add(
                        new Row("trial-scored: empty", "EMPTY_VALUE", value(score, new byte[0])));
                afterStudy.add(new Row("trial-scored: tombstone", "TOMBSTONE", value(score, null)));
                afterStudy.add(
                        new Row(
                                "trial-scored: no headers",
                                "MISSING_HEADER",
                                new ProducerRecord<>(
                                        score.topic(),
                                        null,
                                        score.key(),
                                        score.value(),
                                        new RecordHeaders())));
                afterStudy.add(
                        new Row(
                                "trial-scored: a progress event",
                                "WRONG_TYPE",
                                moved(codec.toRecord(progress), topics.name(Topic.TRIAL_SCORED))));
                afterStudy.add(
                        new Row(
                                "trial-scored: ce_specversion 0.3",
                                "BAD_ENVELOPE",
                                header(score, "ce_specversion", "0.3")));
                afterStudy.add(
                        new Row(
                                "trial-scored: poison ce_time",
                                "BAD_ENVELOPE",
                                header(score, "ce_time", POISON_TIME)));
                afterStudy.add(
                        new Row(
                                "trial-finished: unknown study",
                                "UNKNOWN_STUDY",
                                codec.toRecord(
                                        Studies.finished(
                                                new TrialSuggested(
                                                        "nope",
                                                        "nope-t2",
                                                        1,
                                                        "c",
                                                        Map.of(),
                                                        1,
                                                        0,
                                                        0,
                                                        1,
                                                        60,
                                                        "x",
                                                        "fp",
                                                        Instant.now())))));
                afterStudy.add(
                        new Row(
                                "trial-started: unknown study",
                                "UNKNOWN_STUDY",
                                codec.toRecord(
                                        new TrialStarted(
                                                "nope",
                                                "nope-t3",
                                                1,
                                                "w",
                                                "h",
                                                List.of("cpu"),
                                                1,
                                                Map.of(),
                                                1,
                                                Instant.now()))));
                afterStudy.add(
                        new Row(
                                "trial-started: a progress event",
                                "WRONG_TYPE",
                                moved(codec.toRecord(progress), topics.name(Topic.TRIAL_STARTED))));
                afterStudy.add(
                        new Row(
                                "trial-progress: unknown study",
                                "UNKNOWN_STUDY",
                                codec.toRecord(progress)));
                afterStudy.add(
                        new Row(
                                "trial-progress: NaN",
                                "MALFORMED_JSON",
                                value(
                                        codec.toRecord(progress),
                                        new String(codec.toJson(progress), StandardCharsets.UTF_8)
                                                .replace("0.123456", "NaN")
                                                .getBytes())));
                afterStudy.add(
                        new Row(
                                "studies: redefinition with another seed",
                                "CONFLICT",
                                seed(codec, ok)));

                Map<String, Row> sent = new HashMap<>();
                for (Row row : rows) {
                    sent.put(origin(producer.send(row.record()).get()), row);
                }
                producer.send(codec.toRecord(ok)).get();
                for (Row row : afterStudy) {
                    sent.put(origin(producer.send(row.record()).get()), row);
                }
                // Once a real score is in the log, a second payload under its id must not replace
                // it.
                TrialScored first =
                        await(
                                () ->
                                        events(
                                                        client,
                                                        topics,
                                                        Topic.TRIAL_SCORED,
                                                        scorer,
                                                        TrialScored.class)
                                                .stream()
                                                .filter(
                                                        t ->
                                                                t.studyId().equals("ok")
                                                                        && !t.trialId()
                                                                                .equals("ok-t9999"))
                                                .findFirst()
                                                .orElse(null));
                TrialScored other =
                        new TrialScored(
                                first.studyId(),
                                first.trialId(),
                                first.attempt(),
                                first.configId(),
                                first.fidelity(),
                                TrialStatus.SUCCEEDED,
                                first.objectives(),
                                first.energy(),
                                first.emissions(),
                                first.onFront(),
                                first.frontRank(),
                                first.revision(),
                                first.studyFingerprint(),
                                first.scoredAt().plusSeconds(1));
                Row conflict =
                        new Row(
                                "trial-scored: same id, other payload",
                                "CONFLICT",
                                scorer.toRecord(other));
                sent.put(origin(producer.send(conflict.record()).get()), conflict);
                // The same for the end of that trial: another result under the id of its
                // trial-finished.
                TrialFinished end =
                        await(
                                () ->
                                        events(
                                                        client,
                                                        topics,
                                                        Topic.TRIAL_FINISHED,
                                                        codec,
                                                        TrialFinished.class)
                                                .stream()
                                                .filter(f -> f.trialId().equals(first.trialId()))
                                                .findFirst()
                                                .orElse(null));
                Map<String, Double> otherMetrics = new HashMap<>(end.metrics());
                otherMetrics.put("val_error", 0.000001);
                Row otherEnd =
                        new Row(
                                "trial-finished: same id, other metrics",
                                "CONFLICT",
                                codec.toRecord(
                                        new TrialFinished(
                                                end.studyId(),
                                                end.trialId(),
                                                end.attempt(),
                                                end.status(),
                                                end.fidelity(),
                                                otherMetrics,
                                                end.startedAt(),
                                                end.endedAt(),
                                                end.host(),
                                                end.devices(),
                                                end.worker(),
                                                end.error(),
                                                end.modelArtifact())));
                sent.put(origin(producer.send(otherEnd.record()).get()), otherEnd);

                StudyStopped stop =
                        await(
                                () ->
                                        events(
                                                        client,
                                                        topics,
                                                        Topic.STUDIES,
                                                        codec,
                                                        StudyStopped.class)
                                                .stream()
                                                .filter(s -> s.studyId().equals("ok"))
                                                .findFirst()
                                                .orElse(null));
                assertThat(stop.reason()).isEqualTo(StudyStopped.Reason.BUDGET_EXHAUSTED);
                assertThat(
                                events(
                                        client,
                                        topics,
                                        Topic.TRIAL_SUGGESTED,
                                        codec,
                                        TrialSuggested.class))
                        .hasSize(6);

                Map<String, String> letters =
                        await(
                                () -> {
                                    Map<String, String> k = deadLetters(client, topics);
                                    return k.keySet().containsAll(sent.keySet()) ? k : null;
                                });
                assertThat(sent).hasSizeGreaterThanOrEqualTo(20);
                sent.forEach(
                        (at, row) ->
                                assertThat(letters.get(at))
                                        .as(row.name() + " at " + at)
                                        .isEqualTo(row.reason()));
                assertThat(letters)
                        .as("only the hostile records are dead-lettered")
                        .hasSameSizeAs(sent);
                assertThat(loop.isAlive()).isTrue();
                assertThat(watch.status().up()).as(watch.status().data().toString()).isTrue();
            } finally {
                answers.close();
                loop.close();
            }
        }
    }

    private static ProducerRecord<String, byte[]> space(
            EventCodec codec, String id, Consumer<ArrayNode> hps) {
        ObjectNode json =
                (ObjectNode) EventJson.mapper().valueToTree(Studies.study(id, 1, 2, 1, 60));
        hps.accept(((ObjectNode) json.get("space")).putArray("hyperparameters"));
        return value(
                codec.toRecord(Studies.study(id, 1, 2, 1, 60)),
                json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ProducerRecord<String, byte[]> seed(EventCodec codec, StudyDefined study) {
        ObjectNode json = (ObjectNode) EventJson.mapper().valueToTree(study);
        json.put("seed", 99);
        return value(codec.toRecord(study), json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void cat(ArrayNode hps, int i, int choices) {
        ObjectNode hp = hps.addObject().put("name", "h" + i).put("type", "categorical");
        ArrayNode c = hp.putArray("choices");
        for (int j = 0; j < choices; j++) {
            c.add("x" + j);
        }
        hp.put("default_value", "x0");
    }

    private static ProducerRecord<String, byte[]> value(
            ProducerRecord<String, byte[]> r, byte[] value) {
        return new ProducerRecord<>(r.topic(), null, r.key(), value, copy(r));
    }

    private static ProducerRecord<String, byte[]> moved(
            ProducerRecord<String, byte[]> r, String topic) {
        return new ProducerRecord<>(topic, null, r.key(), r.value(), copy(r));
    }

    private static ProducerRecord<String, byte[]> header(
            ProducerRecord<String, byte[]> r, String name, String v) {
        RecordHeaders h = copy(r);
        h.remove(name);
        h.add(name, v.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(r.topic(), null, r.key(), r.value(), h);
    }

    private static RecordHeaders copy(ProducerRecord<String, byte[]> r) {
        RecordHeaders h = new RecordHeaders();
        for (Header x : r.headers()) {
            h.add(x.key(), x.value());
        }
        return h;
    }

    private static String origin(RecordMetadata m) {
        return m.topic() + "-" + m.partition() + "@" + m.offset();
    }

    private static Map<String, String> deadLetters(Properties client, TopicRegistry topics) {
        Map<String, String> kinds = new HashMap<>();
        for (ConsumerRecord<String, byte[]> d : records(client, topics.name(Topic.DEAD_LETTER))) {
            kinds.put(
                    text(d, DeadLetterRecords.TOPIC)
                            + "-"
                            + text(d, DeadLetterRecords.PARTITION)
                            + "@"
                            + text(d, DeadLetterRecords.OFFSET),
                    text(d, DeadLetterRecords.KIND));
        }
        return kinds;
    }

    private static <T extends GreenbandEvent> List<T> events(
            Properties client, TopicRegistry topics, Topic topic, EventCodec codec, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records(client, topics.name(topic))) {
            try {
                var e = codec.decode(r);
                if (type.isInstance(e.payload())
                        && (topic != Topic.TRIAL_SCORED
                                || e.source()
                                        .toString()
                                        .equals(SuggesterLoop.DEFAULT_SCORER_SOURCE))) {
                    out.add(type.cast(e.payload()));
                }
            } catch (RuntimeException hostile) {
                // The hostile records stay hostile.
            }
        }
        return out;
    }

    private static List<ConsumerRecord<String, byte[]>> records(Properties client, String name) {
        try (KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(
                        client, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts =
                    c.partitionsFor(name).stream()
                            .map(i -> new TopicPartition(name, i.partition()))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(100)).forEach(out::add);
            }
            return out;
        }
    }

    private static String text(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static <T> T await(java.util.function.Supplier<T> probe) throws InterruptedException {
        for (int i = 0; i < 1800; i++) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not reached within 180 s");
    }
}
