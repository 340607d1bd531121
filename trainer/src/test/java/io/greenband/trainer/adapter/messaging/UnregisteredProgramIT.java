package io.greenband.trainer.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.EventType;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.TrialFinished;
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
 * Whoever can write {@code studies} cannot make a trainer run a program of their choosing: a study
 * naming a program the trainer does not have, or carrying its own command as studies once did,
 * fails its trial INVALID_CONFIG with the known names, and nothing is started (no trial folder,
 * where every program starts, and no trace of the command); the registered program still runs.
 */
@EmbeddedStackTest
class UnregisteredProgramIT {

    static final TopicRegistry TOPICS = TopicRegistry.withPrefix("programs.").withPartitions(1);

    @TempDir Path dir;

    @Test
    void onlyRegisteredProgramsRun(EmbeddedStack stack) throws Exception {
        stack.createTopics(TOPICS);
        Path ran = dir.resolve("registered-ran");
        Path owned = dir.resolve("owned");
        Path script = dir.resolve("train.sh");
        Files.writeString(
                script,
                """
                touch '%s'
                echo '{"type":"result","metrics":{"validation_accuracy":0.75,"validation_loss":0.6}}'
                """
                        .formatted(ran));
        Path work = dir.resolve("work");
        try (EventLog log =
                        new EventLog(stack.kafkaBootstrapServers(), TOPICS, Topic.TRIAL_FINISHED);
                TestTrainer trainer =
                        new TestTrainer(
                                "trainer-p",
                                stack.kafkaBootstrapServers(),
                                TOPICS,
                                work,
                                Duration.ofSeconds(30),
                                TestTrainer.programs(script))) {
            log.publish(TestTrainer.programStudy("unknown", "rm-rf"));
            log.publish(
                    TestTrainer.legacyCommandStudy(
                            "legacy", List.of("/bin/sh", "-c", "id > '" + owned + "'")));
            log.publish(TestTrainer.commandStudy("registered"));
            log.publish(TestTrainer.trial("unknown", "unknown-t1", Map.of("x", 1)));
            log.publish(TestTrainer.trial("legacy", "legacy-t1", Map.of("x", 1)));
            log.publish(TestTrainer.trial("registered", "registered-t1", Map.of("x", 1)));

            List<ReceivedEvent> events =
                    log.awaitUntil(
                            all ->
                                    all.stream()
                                                    .filter(
                                                            e ->
                                                                    e.type()
                                                                            == EventType
                                                                                    .TRIAL_FINISHED)
                                                    .count()
                                            == 3,
                            Duration.ofMinutes(2));

            TrialFinished unknown = finished(events, "unknown-t1");
            assertThat(unknown.status()).isEqualTo(TrialStatus.FAILED);
            assertThat(unknown.error())
                    .startsWith("INVALID_CONFIG")
                    .contains("'rm-rf' is not registered")
                    .contains("known programs: [script]");
            TrialFinished legacy = finished(events, "legacy-t1");
            assertThat(legacy.status()).isEqualTo(TrialStatus.FAILED);
            assertThat(legacy.error())
                    .startsWith("INVALID_CONFIG")
                    .contains("workload.command is not accepted")
                    .contains("workload.program")
                    .contains("[script]");
            assertThat(work.resolve("unknown-t1"))
                    .as("no process was started for it")
                    .doesNotExist();
            assertThat(work.resolve("legacy-t1"))
                    .as("no process was started for it")
                    .doesNotExist();
            assertThat(owned).as("the study's own command never ran").doesNotExist();

            TrialFinished registered = finished(events, "registered-t1");
            assertThat(registered.status()).as(registered.error()).isEqualTo(TrialStatus.SUCCEEDED);
            assertThat(ran).exists();
        }
    }

    private static TrialFinished finished(List<ReceivedEvent> events, String trialId) {
        return events.stream()
                .filter(e -> e.type() == EventType.TRIAL_FINISHED)
                .map(e -> e.payload(TrialFinished.class))
                .filter(f -> f.trialId().equals(trialId))
                .findFirst()
                .orElseThrow();
    }
}
