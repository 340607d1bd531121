package io.greenband.trainer.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.EventType;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialProgress;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial that trains longer than {@code max.poll.interval.ms} (5 s here, the trial about 8 s) with
 * a second trainer waiting in the group: the busy trainer keeps polling with its partition paused,
 * is never evicted, and the trial runs exactly once, on one trainer, with heartbeats between its
 * epochs.
 */
@EmbeddedStackTest
class LongTrialIT {

    static final TopicRegistry TOPICS = TopicRegistry.withPrefix("long-trial.").withPartitions(1);

    @TempDir Path dir;

    @Test
    void aTrialLongerThanThePollIntervalRunsOnceOnOneTrainer(EmbeddedStack stack) throws Exception {
        stack.createTopics(TOPICS);
        Path script = dir.resolve("train.sh");
        Files.writeString(
                script,
                """
                echo '{"type":"progress","epoch":1,"epochs":2,"train_loss":1.0}'
                sleep 4
                echo '{"type":"progress","epoch":2,"epochs":2,"train_loss":0.5}'
                sleep 4
                echo '{"type":"result","metrics":{"validation_accuracy":0.5,"validation_loss":0.9}}'
                """);
        Duration maxPollInterval = Duration.ofSeconds(5);
        try (EventLog log =
                        new EventLog(
                                stack.kafkaBootstrapServers(),
                                TOPICS,
                                Topic.TRIAL_STARTED,
                                Topic.TRIAL_PROGRESS,
                                Topic.TRIAL_FINISHED);
                TestTrainer a =
                        new TestTrainer(
                                "trainer-a",
                                stack.kafkaBootstrapServers(),
                                TOPICS,
                                dir.resolve("a"),
                                maxPollInterval,
                                TestTrainer.programs(script));
                TestTrainer b =
                        new TestTrainer(
                                "trainer-b",
                                stack.kafkaBootstrapServers(),
                                TOPICS,
                                dir.resolve("b"),
                                maxPollInterval,
                                TestTrainer.programs(script))) {
            log.publish(TestTrainer.commandStudy("long"));
            log.publish(
                    TestTrainer.trial("long", "long-t1", Map.of("batch_size", 16, "epochs", 2)));

            List<ReceivedEvent> events =
                    log.awaitUntil(
                            all -> all.stream().anyMatch(e -> e.type() == EventType.TRIAL_FINISHED),
                            Duration.ofSeconds(90));
            // A second delivery would start within a rebalance of the eviction, long before this
            // returns.
            long committed = awaitCommit(log);

            List<ReceivedEvent> after = log.awaitUntil(all -> true, Duration.ofSeconds(1));
            List<TrialStarted> started =
                    after.stream()
                            .filter(e -> e.type() == EventType.TRIAL_STARTED)
                            .map(e -> e.payload(TrialStarted.class))
                            .toList();
            assertThat(started).hasSize(1);
            List<TrialFinished> finished =
                    after.stream()
                            .filter(e -> e.type() == EventType.TRIAL_FINISHED)
                            .map(e -> e.payload(TrialFinished.class))
                            .toList();
            assertThat(finished).hasSize(1);
            assertThat(finished.get(0).worker()).isEqualTo(started.get(0).worker());
            assertThat(finished.get(0).status())
                    .as(finished.get(0).error())
                    .isEqualTo(TrialStatus.SUCCEEDED);
            assertThat(Duration.between(finished.get(0).startedAt(), finished.get(0).endedAt()))
                    .isGreaterThan(maxPollInterval);
            List<TrialProgress> progress =
                    events.stream()
                            .filter(e -> e.type() == EventType.TRIAL_PROGRESS)
                            .map(e -> e.payload(TrialProgress.class))
                            .toList();
            assertThat(progress).extracting(TrialProgress::epoch).contains(1, 2);
            // Heartbeats (500 ms apart) repeat the last epoch between the epoch reports.
            assertThat(progress.stream().filter(p -> p.epoch() == 1).count()).isGreaterThan(1);
            assertThat(committed).isEqualTo(1);
            assertThat(a.loop.isRunning()).isTrue();
            assertThat(b.loop.isRunning()).isTrue();
        }
    }

    private static long awaitCommit(EventLog log) throws Exception {
        for (int i = 0; i < 100; i++) {
            long committed = log.committed(TestTrainer.GROUP, Topic.TRIAL_SUGGESTED);
            if (committed >= 1) {
                return committed;
            }
            Thread.sleep(100);
        }
        return log.committed(TestTrainer.GROUP, Topic.TRIAL_SUGGESTED);
    }
}
