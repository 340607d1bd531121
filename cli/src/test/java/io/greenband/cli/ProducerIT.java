package io.greenband.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.cli.log.KafkaLog;
import io.greenband.cli.log.LoggedEvent;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.payload.ObjectiveReported;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Python example producer, run by {@code greenband producer} on the real broker, reports each
 * succeeded trial once.
 */
@EmbeddedStackTest
class ProducerIT {

    EmbeddedStack stack;

    private static TrialFinished finished(
            String trial, TrialStatus status, Map<String, Double> metrics) {
        Instant end = Instant.parse("2026-01-01T00:01:00Z");
        return new TrialFinished(
                "p",
                trial,
                1,
                status,
                9,
                metrics,
                end.minusSeconds(60),
                end,
                "h",
                List.of("cpu"),
                "w",
                status == TrialStatus.FAILED ? "diverged" : null,
                null);
    }

    private Cli producer(String prefix) {
        return Cli.run(
                "producer",
                "--bootstrap-servers",
                stack.kafkaBootstrapServers(),
                "--topic-prefix",
                prefix,
                "--study",
                "p",
                "--name",
                "latency",
                "--objective",
                "latency_ms",
                "--until-stopped",
                "--",
                "python3",
                ExampleStudiesTest.example("producers/inference_latency.py").toString());
    }

    @Test
    void reportsEverySucceededTrialOnceAndStopsWithTheStudy() {
        String prefix = "prod.";
        stack.createTopics(TopicRegistry.withPrefix(prefix).withPartitions(1));
        KafkaLog log =
                new KafkaLog(stack.kafkaBootstrapServers(), TopicRegistry.withPrefix(prefix));
        log.publish(
                List.of(
                        finished(
                                "p-t0000",
                                TrialStatus.SUCCEEDED,
                                Map.of("inference_images_per_second", 250.0)),
                        finished("p-t0001", TrialStatus.FAILED, Map.of()),
                        finished(
                                "p-t0002",
                                TrialStatus.SUCCEEDED,
                                Map.of("inference_images_per_second", 500.0)),
                        new StudyStopped(
                                "p",
                                StudyStopped.Reason.BUDGET_EXHAUSTED,
                                "maxTrials",
                                Instant.now())));

        Cli first = producer(prefix);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("p-t0000 latency_ms = 4.0 ms")
                .contains("reported 2 values");
        List<ObjectiveReported> reports =
                log.readAll(List.of(Topic.OBJECTIVE_REPORTED)).stream()
                        .map(LoggedEvent::event)
                        .map(e -> e.payload(ObjectiveReported.class))
                        .toList();
        assertThat(reports)
                .extracting(
                        ObjectiveReported::trialId,
                        ObjectiveReported::value,
                        ObjectiveReported::unit,
                        ObjectiveReported::producer)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("p-t0000", 4.0, "ms", "latency"),
                        org.assertj.core.groups.Tuple.tuple("p-t0002", 2.0, "ms", "latency"));

        // A restarted producer catches up without reporting again.
        Cli again = producer(prefix);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("reported 0 values");
        assertThat(log.readAll(List.of(Topic.OBJECTIVE_REPORTED))).hasSize(2);
    }

    @Test
    void anUnknownStudyIsRefusedInsteadOfFollowedForever() {
        String prefix = "prod-unknown.";
        stack.createTopics(TopicRegistry.withPrefix(prefix).withPartitions(1));
        new KafkaLog(stack.kafkaBootstrapServers(), TopicRegistry.withPrefix(prefix))
                .publish(
                        List.of(
                                new StudyStopped(
                                        "other",
                                        StudyStopped.Reason.REQUESTED,
                                        null,
                                        Instant.now())));

        // Without --until-stopped: before, this followed the unknown study until killed.
        Cli run =
                Cli.run(
                        "producer",
                        "--bootstrap-servers",
                        stack.kafkaBootstrapServers(),
                        "--topic-prefix",
                        prefix,
                        "--study",
                        "nope",
                        "--name",
                        "latency",
                        "--objective",
                        "latency_ms",
                        "--",
                        "python3",
                        "-c",
                        "print(1)");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("no study 'nope'").contains("other").doesNotContain("null");
    }
}
