package io.greenband.trainer.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.events.EventType;
import io.greenband.events.SampleEvents;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialProgress;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.trainer.config.TrainerConfig;
import io.greenband.trainer.config.TrainerWiring;
import io.greenband.trainer.runner.Program;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The trainer service on the embedded broker: a suggested DSNN trial (tiny synthetic data, one
 * epoch) yields trial-started, trial-progress and trial-finished with the expected fields and
 * CloudEvents headers, keyed by study; a malformed configuration ends FAILED naming the key; a
 * garbage record goes to dead-letter.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class TrainerServiceIT {

    EmbeddedStack stack;

    @Inject TopicRegistry topics;

    @Inject TrainerConfig config;

    @Test
    void programsAreRegisteredFromTheConfigurationWithIndexedArguments() {
        Program probe = TrainerWiring.programs(config).find("probe");
        assertThat(probe.argv()).containsExactly("/bin/echo", "a,b");
        assertThat(probe.environment()).containsExactly("PATH");
        assertThat(probe.timeout()).isEqualTo(config.command().timeout());
        assertThat(TrainerWiring.programs(config).names()).containsExactly("probe");
    }

    @Test
    void aSuggestedTrialIsStartedProgressedAndFinished() throws Exception {
        try (EventLog log =
                new EventLog(
                        stack.kafkaBootstrapServers(),
                        topics,
                        Topic.TRIAL_STARTED,
                        Topic.TRIAL_PROGRESS,
                        Topic.TRIAL_FINISHED,
                        Topic.DEAD_LETTER)) {
            log.publish(SampleEvents.studyDefined());
            log.publishRaw(
                    Topic.TRIAL_SUGGESTED,
                    "garbage",
                    "not an event".getBytes(StandardCharsets.UTF_8));
            log.publish(
                    TestTrainer.trial(
                            SampleEvents.STUDY_ID, "flow-bad", Map.of("optimizer", "lion")));
            log.publish(
                    TestTrainer.trial(
                            SampleEvents.STUDY_ID,
                            "flow-t1",
                            Map.of(
                                    "batch_size",
                                    16,
                                    "optimizer",
                                    "SGD",
                                    "learning_rate",
                                    0.05,
                                    "epochs",
                                    1)));

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
                                            == 2,
                            Duration.ofMinutes(3));
            log.awaitRecordOn(Topic.DEAD_LETTER, Duration.ofSeconds(30));

            TrialFinished bad = finished(events, "flow-bad");
            assertThat(bad.status()).isEqualTo(TrialStatus.FAILED);
            assertThat(bad.error())
                    .contains("INVALID_CONFIG")
                    .contains("optimizer")
                    .contains("lion");

            TrialStarted started =
                    events.stream()
                            .filter(e -> e.type() == EventType.TRIAL_STARTED)
                            .map(e -> e.payload(TrialStarted.class))
                            .filter(s -> s.trialId().equals("flow-t1"))
                            .findFirst()
                            .orElseThrow();
            assertThat(started.studyId()).isEqualTo(SampleEvents.STUDY_ID);
            assertThat(started.devices()).containsExactly("cpu");
            assertThat(started.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(started.host()).isNotBlank();
            assertThat(started.worker()).isNotBlank();
            assertThat(started.fidelity()).isEqualTo(2.0);

            List<TrialProgress> progress =
                    events.stream()
                            .filter(e -> e.type() == EventType.TRIAL_PROGRESS)
                            .map(e -> e.payload(TrialProgress.class))
                            .filter(p -> p.trialId().equals("flow-t1"))
                            .toList();
            TrialProgress epoch =
                    progress.stream().filter(p -> p.epoch() == 1).findFirst().orElseThrow();
            assertThat(epoch.epochs()).isEqualTo(1);
            assertThat(epoch.metrics())
                    .containsKeys("train_loss", "val_loss", "val_accuracy", "val_error");

            TrialFinished ok = finished(events, "flow-t1");
            assertThat(ok.status()).as(ok.error()).isEqualTo(TrialStatus.SUCCEEDED);
            assertThat(ok.worker()).isEqualTo(started.worker());
            assertThat(ok.host()).isEqualTo(started.host());
            assertThat(ok.devices()).containsExactly("cpu");
            assertThat(ok.startedAt()).isEqualTo(started.startedAt());
            assertThat(ok.endedAt()).isAfterOrEqualTo(ok.startedAt());
            assertThat(ok.metrics())
                    .containsEntry("shift_layers", 2.0)
                    .containsEntry("weight_bits", 5.0)
                    .containsKeys(
                            "val_loss",
                            "val_accuracy",
                            "val_error",
                            "train_seconds",
                            "images_per_second");
            assertThat(ok.metrics().get("val_error"))
                    .isEqualTo(1 - ok.metrics().get("val_accuracy"));

            for (ConsumerRecord<String, byte[]> record : log.raw()) {
                if (record.topic().equals(topics.name(Topic.DEAD_LETTER))) {
                    assertThat(record.key()).isEqualTo("garbage");
                    continue;
                }
                assertThat(record.key()).isEqualTo(SampleEvents.STUDY_ID);
                assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
                assertThat(header(record, "ce_source")).isEqualTo("/greenband/greenband-trainer");
                assertThat(header(record, "ce_type")).startsWith("io.greenband.trial-");
            }
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

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
