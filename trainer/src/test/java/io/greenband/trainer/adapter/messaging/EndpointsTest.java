package io.greenband.trainer.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.embedded.quarkus.ServiceEndpoints;
import io.greenband.embedded.quarkus.StandardEndpoints;
import io.greenband.events.EventType;
import io.greenband.events.SampleEvents;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The standard endpoints: the generated {@code /q/openapi} lists every route of the service's
 * resources, health answers where supervisors and probes look (live, and ready with Kafka up on the
 * embedded stack), and {@code /q/metrics} carries trial durations, consumer lag and dead letters
 * once a little traffic went through the embedded broker.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class EndpointsTest {

    EmbeddedStack stack;

    @Inject TopicRegistry topics;

    @TestHTTPResource("/")
    URI service;

    @Test
    void openApiListsEveryRouteAndTheServiceIsLiveAndReady() throws Exception {
        assertThat(StandardEndpoints.problems(service, "io.greenband")).isEmpty();
        assertThat(StandardEndpoints.readinessProblems(service, "kafka")).isEmpty();
    }

    @Test
    void metricsCarryTrialDurationsLagAndDeadLetters() throws Exception {
        try (EventLog log =
                new EventLog(stack.kafkaBootstrapServers(), topics, Topic.TRIAL_FINISHED)) {
            log.publish(SampleEvents.studyDefined());
            log.publishRaw(
                    Topic.TRIAL_SUGGESTED,
                    "garbage",
                    "not an event".getBytes(StandardCharsets.UTF_8));
            // An invalid configuration ends FAILED at once: a trial duration without training
            // anything.
            log.publish(
                    TestTrainer.trial(
                            SampleEvents.STUDY_ID, "metrics-bad", Map.of("optimizer", "lion")));
            log.awaitUntil(
                    all -> all.stream().anyMatch(e -> e.type() == EventType.TRIAL_FINISHED),
                    Duration.ofMinutes(3));
        }
        String durations = "greenband_trial_duration_seconds_count\\{status=\"failed\"\\} [1-9]";
        String body = ServiceEndpoints.awaitMetrics(service, durations, Duration.ofSeconds(60));
        assertThat(body).containsPattern(durations);
        assertThat(body)
                .containsPattern(
                        "greenband_dead_letters_total\\{topic=\"trial-suggested\"\\} [1-9]");
        assertThat(body)
                .containsPattern(
                        "greenband_consumer_lag_records\\{consumer=\"trial-suggested\",partition=\"\\d+\",topic=\"trial-suggested\"\\}");
        assertThat(body).contains("greenband_dead_letters_total{topic=\"trial-scored\"} 0.0");
    }
}
