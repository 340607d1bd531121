package io.greenband.trainer.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.EventType;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suggestion whose attempt already has a {@code trial-finished} in the log (what an import or
 * replay publishes again) is committed without running the program; the next new suggestion still
 * runs.
 */
@EmbeddedStackTest
class FinishedTrialSkipIT {

    @TempDir Path dir;

    @Test
    void aSuggestionPublishedAgainAfterItsTrialFinishedIsNotRunAgain(EmbeddedStack stack)
            throws Exception {
        TopicRegistry topics = TopicRegistry.withPrefix("skip-finished.").withPartitions(1);
        stack.createTopics(topics);
        Path runs = dir.resolve("runs.txt");
        Path script = dir.resolve("train.sh");
        Files.writeString(
                script,
                """
                echo run >> '%s'
                echo '{"type":"result","metrics":{"validation_accuracy":0.75,"validation_loss":0.6}}'
                """
                        .formatted(runs));
        TrialSuggested first =
                TestTrainer.trial("skip", "skip-t1", Map.of("batch_size", 16, "epochs", 1));
        try (EventLog log =
                        new EventLog(
                                stack.kafkaBootstrapServers(),
                                topics,
                                Topic.TRIAL_STARTED,
                                Topic.TRIAL_FINISHED);
                TestTrainer trainer =
                        new TestTrainer(
                                "trainer-k",
                                stack.kafkaBootstrapServers(),
                                topics,
                                dir.resolve("k"),
                                Duration.ofSeconds(30),
                                TestTrainer.programs(script))) {
            log.publish(TestTrainer.commandStudy("skip"));
            log.publish(first);
            log.awaitUntil(all -> finished(all).contains("skip-t1"), Duration.ofSeconds(90));

            // The same suggestion again, as `greenband import --append` of an export would publish
            // it, then a new one.
            log.publish(first);
            log.publish(
                    TestTrainer.trial("skip", "skip-t2", Map.of("batch_size", 16, "epochs", 1)));
            List<ReceivedEvent> events =
                    log.awaitUntil(
                            all -> finished(all).contains("skip-t2"), Duration.ofSeconds(90));

            assertThat(Files.readAllLines(runs, StandardCharsets.UTF_8))
                    .as("program runs")
                    .hasSize(2);
            assertThat(
                            events.stream()
                                    .filter(e -> e.type() == EventType.TRIAL_STARTED)
                                    .map(e -> e.payload(TrialStarted.class).trialId())
                                    .toList())
                    .containsExactly("skip-t1", "skip-t2");
            assertThat(finished(events)).containsExactly("skip-t1", "skip-t2");
            // The commit follows the acknowledgement of trial-finished: give it a moment.
            long committed = -1;
            for (int i = 0; i < 100 && committed < 3; i++) {
                committed = log.committed(TestTrainer.GROUP, Topic.TRIAL_SUGGESTED);
                Thread.sleep(100);
            }
            assertThat(committed).isEqualTo(3);
        }
    }

    private static List<String> finished(List<ReceivedEvent> events) {
        return events.stream()
                .filter(e -> e.type() == EventType.TRIAL_FINISHED)
                .map(e -> e.payload(TrialFinished.class).trialId())
                .toList();
    }
}
