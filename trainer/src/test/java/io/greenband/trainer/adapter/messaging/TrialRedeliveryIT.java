package io.greenband.trainer.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.EventType;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.trainer.worker.TrialWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trainer that dies mid-trial has committed nothing, so the broker hands the trial to the next
 * trainer of the group, which runs and reports it. The crash is simulated in this JVM: the first
 * trainer's loop stops polling and closes its consumer without publishing or committing (what a
 * killed process leaves behind), which exercises the same broker-side path as killing a child JVM
 * at a fraction of the time.
 */
@EmbeddedStackTest
class TrialRedeliveryIT {

    static final TopicRegistry TOPICS = TopicRegistry.withPrefix("redelivery.").withPartitions(1);

    @TempDir Path dir;

    @Test
    void aTrialOfAKilledTrainerIsRedeliveredToTheNextOne(EmbeddedStack stack) throws Exception {
        stack.createTopics(TOPICS);
        Path marker = dir.resolve("first-run");
        // The first run marks itself and trains "forever"; the re-delivered run finishes at once.
        Path script = dir.resolve("train.sh");
        Files.writeString(
                script,
                """
                if [ -e '%s' ]; then
                  echo '{"type":"progress","epoch":1,"epochs":1,"train_loss":0.5}'
                  echo '{"type":"result","metrics":{"validation_accuracy":0.75,"validation_loss":0.6}}'
                else
                  touch '%s'
                  sleep 120
                fi
                """
                        .formatted(marker, marker));
        try (EventLog log =
                new EventLog(
                        stack.kafkaBootstrapServers(),
                        TOPICS,
                        Topic.TRIAL_STARTED,
                        Topic.TRIAL_FINISHED)) {
            log.publish(TestTrainer.commandStudy("redelivery"));
            log.publish(
                    TestTrainer.trial(
                            "redelivery", "redelivery-t1", Map.of("batch_size", 16, "epochs", 1)));

            TestTrainer first =
                    new TestTrainer(
                            "trainer-a",
                            stack.kafkaBootstrapServers(),
                            TOPICS,
                            dir.resolve("a"),
                            Duration.ofSeconds(30),
                            TestTrainer.programs(script));
            log.awaitUntil(
                    events -> events.stream().anyMatch(e -> e.type() == EventType.TRIAL_STARTED),
                    Duration.ofSeconds(60));
            // trial-started precedes the program's start: crash only once the first run has marked
            // itself.
            for (int i = 0; i < 300 && !Files.exists(marker); i++) {
                Thread.sleep(100);
            }
            assertThat(Files.exists(marker)).isTrue();
            TestTrainer second =
                    new TestTrainer(
                            "trainer-b",
                            stack.kafkaBootstrapServers(),
                            TOPICS,
                            dir.resolve("b"),
                            Duration.ofSeconds(30),
                            TestTrainer.programs(script));
            first.crash();

            List<ReceivedEvent> events =
                    log.awaitUntil(
                            all -> all.stream().anyMatch(e -> e.type() == EventType.TRIAL_FINISHED),
                            Duration.ofSeconds(90));
            second.close();

            List<String> starters =
                    events.stream()
                            .filter(e -> e.type() == EventType.TRIAL_STARTED)
                            .map(e -> e.payload(TrialStarted.class).worker())
                            .toList();
            assertThat(starters).containsExactly("trainer-a", "trainer-b");
            List<TrialFinished> finished =
                    events.stream()
                            .filter(e -> e.type() == EventType.TRIAL_FINISHED)
                            .map(e -> e.payload(TrialFinished.class))
                            .toList();
            assertThat(finished).hasSize(1);
            assertThat(finished.get(0).worker()).isEqualTo("trainer-b");
            assertThat(finished.get(0).status()).isEqualTo(TrialStatus.SUCCEEDED);
            assertThat(finished.get(0).metrics())
                    .containsEntry("val_accuracy", 0.75)
                    .containsEntry("val_error", 0.25);
            assertThat(log.committed(TestTrainer.GROUP, Topic.TRIAL_SUGGESTED)).isEqualTo(1);
        }
    }

    @Test
    void aTrainerStoppedMidTrialReportsTheTrialFailedAndCommitsIt(EmbeddedStack stack)
            throws Exception {
        TopicRegistry topics = TopicRegistry.withPrefix("shutdown.").withPartitions(1);
        stack.createTopics(topics);
        Path script = dir.resolve("slow.sh");
        Files.writeString(
                script,
                """
                echo '{"type":"progress","epoch":1,"epochs":3,"train_loss":0.9}'
                sleep 120
                """);
        try (EventLog log =
                new EventLog(
                        stack.kafkaBootstrapServers(),
                        topics,
                        Topic.TRIAL_STARTED,
                        Topic.TRIAL_FINISHED)) {
            log.publish(TestTrainer.commandStudy("shutdown"));
            log.publish(
                    TestTrainer.trial(
                            "shutdown", "shutdown-t1", Map.of("batch_size", 16, "epochs", 3)));
            TestTrainer trainer =
                    new TestTrainer(
                            "trainer-s",
                            stack.kafkaBootstrapServers(),
                            topics,
                            dir.resolve("s"),
                            Duration.ofSeconds(30),
                            TestTrainer.programs(script));
            log.awaitUntil(
                    events -> events.stream().anyMatch(e -> e.type() == EventType.TRIAL_STARTED),
                    Duration.ofSeconds(60));
            trainer.close();

            List<ReceivedEvent> events =
                    log.awaitUntil(
                            all -> all.stream().anyMatch(e -> e.type() == EventType.TRIAL_FINISHED),
                            Duration.ofSeconds(30));
            TrialFinished finished =
                    events.stream()
                            .filter(e -> e.type() == EventType.TRIAL_FINISHED)
                            .map(e -> e.payload(TrialFinished.class))
                            .findFirst()
                            .orElseThrow();
            assertThat(finished.status()).isEqualTo(TrialStatus.FAILED);
            assertThat(finished.error())
                    .startsWith(TrialWorker.SHUTTING_DOWN)
                    .contains("interrupted");
            assertThat(finished.worker()).isEqualTo("trainer-s");
            assertThat(log.committed(TestTrainer.GROUP, Topic.TRIAL_SUGGESTED)).isEqualTo(1);
        }
    }
}
