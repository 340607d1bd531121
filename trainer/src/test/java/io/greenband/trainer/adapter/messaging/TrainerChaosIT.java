package io.greenband.trainer.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.EventType;
import io.greenband.events.SampleEvents;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.DeadLetterRecords;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile records on {@code trial-suggested}, the topic the trainer consumes, through a real
 * broker: each is dead-lettered with its reason (topic, partition and offset of the original), runs
 * no program, and the good suggestion published after it is still trained and reported.
 */
@EmbeddedStackTest
class TrainerChaosIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void hostileSuggestionsAreDeadLetteredAndTheNextGoodOneRuns(EmbeddedStack stack)
            throws Exception {
        TopicRegistry topics = TopicRegistry.withPrefix("trainer-chaos.").withPartitions(1);
        stack.createTopics(topics);
        EventCodec codec =
                EventCodec.builder().setSource("/greenband/chaos").optRegistry(topics).build();
        Path runs = dir.resolve("runs.txt");
        Path script = dir.resolve("train.sh");
        Files.writeString(
                script,
                """
                echo run >> '%s'
                echo '{"type":"result","metrics":{"validation_accuracy":0.75,"validation_loss":0.6}}'
                """
                        .formatted(runs));
        String suggested = topics.name(Topic.TRIAL_SUGGESTED);
        TrialSuggested first =
                TestTrainer.trial("chaos", "chaos-t0", Map.of("batch_size", 16, "epochs", 1));
        Map<String, ProducerRecord<String, byte[]>> rows = new LinkedHashMap<>();
        rows.put(
                "MALFORMED_JSON",
                withValue(
                        codec.toRecord(trial("x1")), "{not json".getBytes(StandardCharsets.UTF_8)));
        rows.put("EMPTY_VALUE", withValue(codec.toRecord(trial("x2")), new byte[0]));
        rows.put("TOMBSTONE", withValue(codec.toRecord(trial("x3")), null));
        rows.put(
                "MISSING_HEADER",
                new ProducerRecord<>(suggested, "x4", codec.toRecord(trial("x4")).value()));
        rows.put(
                "BAD_ENVELOPE",
                withHeader(
                        codec.toRecord(trial("x5")),
                        "ce_time",
                        "2026-12-07T16:45:44.250920148Z |"));
        rows.put(
                "TOO_LARGE",
                withHeader(codec.toRecord(trial("x6")), "ce_subject", "s".repeat(4096)));
        ProducerRecord<String, byte[]> started = codec.toRecord(SampleEvents.trialStarted());
        rows.put(
                "WRONG_TYPE",
                new ProducerRecord<>(
                        suggested, null, started.key(), started.value(), started.headers()));
        rows.put(
                "SCHEMA_VIOLATION",
                edited(codec.toRecord(trial("x8")), j -> j.put("fidelity", "high")));
        rows.put(
                "UNKNOWN_STUDY",
                codec.toRecord(TestTrainer.trial("no-such-study", "x9", Map.of("epochs", 1))));
        rows.put(
                "CONFLICT",
                codec.toRecord(
                        TestTrainer.trial(
                                "chaos", "chaos-t0", Map.of("batch_size", 64, "epochs", 1))));

        Map<Long, String> expected = new LinkedHashMap<>();
        List<String> good = new ArrayList<>();
        try (EventLog log =
                        new EventLog(
                                stack.kafkaBootstrapServers(),
                                topics,
                                Topic.TRIAL_FINISHED,
                                Topic.DEAD_LETTER);
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(
                                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()),
                                new StringSerializer(),
                                new ByteArraySerializer());
                TestTrainer trainer =
                        new TestTrainer(
                                "trainer-chaos",
                                stack.kafkaBootstrapServers(),
                                topics,
                                dir.resolve("w"),
                                Duration.ofSeconds(30),
                                TestTrainer.programs(script))) {
            log.publish(TestTrainer.commandStudy("chaos"));
            log.publish(first);
            good.add(first.trialId());
            int k = 1;
            for (Map.Entry<String, ProducerRecord<String, byte[]>> row : rows.entrySet()) {
                expected.put(producer.send(row.getValue()).get().offset(), row.getKey());
                TrialSuggested next =
                        TestTrainer.trial(
                                "chaos", "chaos-t" + k++, Map.of("batch_size", 16, "epochs", 1));
                log.publish(next);
                good.add(next.trialId());
            }
            List<ReceivedEvent> events =
                    log.awaitUntil(
                            all ->
                                    finished(all).containsAll(good)
                                            && deadLetters(log).size() >= expected.size(),
                            Duration.ofMinutes(4));

            assertThat(deadLetters(log))
                    .as("dead-letter kind by offset of the original")
                    .isEqualTo(expected);
            assertThat(finished(events))
                    .as("every good suggestion ran, once; the conflicting chaos-t0 did not")
                    .containsExactlyElementsOf(good);
            assertThat(Files.readAllLines(runs, StandardCharsets.UTF_8))
                    .as("program runs")
                    .hasSize(good.size());
            assertThat(trainer.loop.isRunning()).isTrue();
        }
    }

    private static TrialSuggested trial(String id) {
        return TestTrainer.trial("chaos", id, Map.of("epochs", 1));
    }

    private static List<String> finished(List<ReceivedEvent> events) {
        return events.stream()
                .filter(e -> e.type() == EventType.TRIAL_FINISHED)
                .map(e -> e.payload(TrialFinished.class).trialId())
                .toList();
    }

    private static Map<Long, String> deadLetters(EventLog log) {
        Map<Long, String> kinds = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : log.raw()) {
            if (r.headers().lastHeader(DeadLetterRecords.KIND) != null) {
                kinds.put(
                        Long.parseLong(header(r, DeadLetterRecords.OFFSET)),
                        header(r, DeadLetterRecords.KIND));
            }
        }
        return kinds;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ProducerRecord<String, byte[]> withValue(
            ProducerRecord<String, byte[]> r, byte[] value) {
        return new ProducerRecord<>(r.topic(), null, r.key(), value, r.headers());
    }

    private static ProducerRecord<String, byte[]> withHeader(
            ProducerRecord<String, byte[]> r, String name, String v) {
        RecordHeaders headers = new RecordHeaders(r.headers().toArray());
        headers.remove(name);
        headers.add(name, v.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(r.topic(), null, r.key(), r.value(), headers);
    }

    private static ProducerRecord<String, byte[]> edited(
            ProducerRecord<String, byte[]> r, java.util.function.Consumer<ObjectNode> edit)
            throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(r.value());
        edit.accept(json);
        return withValue(r, JSON.writeValueAsBytes(json));
    }
}
