package io.greenband.suggester.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.embedded.quarkus.ServiceEndpoints;
import io.greenband.embedded.quarkus.StandardEndpoints;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.EventIntake;
import io.greenband.suggester.driver.Studies;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The standard endpoints: the generated {@code /q/openapi} lists every route of the service's
 * resources, health answers where supervisors and probes look (live, and ready with the loop, Kafka
 * and MongoDB up), and {@code /q/metrics} carries suggestion latency, queue depth, consumer lag and
 * dead letters once a study and a garbage record went through the embedded broker.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class EndpointsTest {

    EmbeddedStack stack;

    @Inject TopicRegistry topics;

    @Inject EventIntake intake;

    @TestHTTPResource("/")
    URI service;

    @Test
    void openApiListsEveryRouteAndTheServiceIsLiveAndReady() throws Exception {
        assertThat(StandardEndpoints.problems(service, "io.greenband")).isEmpty();
        assertThat(StandardEndpoints.readinessProblems(service, "kafka", "mongodb")).isEmpty();
    }

    @Test
    void metricsCarrySuggestionLatencyQueueDepthLagAndDeadLetters() throws Exception {
        stack.send(
                List.of(
                        new ProducerRecord<>(
                                topics.name(Topic.TRIAL_SCORED),
                                "metrics-s",
                                "not an event".getBytes(StandardCharsets.UTF_8)),
                        intake.codec().toRecord(Studies.study("metrics-s", 1, 2, 1, 60))));
        String latency = "greenband_suggestion_latency_seconds_count [1-9]";
        String body = ServiceEndpoints.awaitMetrics(service, latency, Duration.ofSeconds(120));
        assertThat(body).containsPattern(latency);
        assertThat(body)
                .containsPattern("greenband_suggestion_latency_seconds_bucket\\{le=\"0\\.1\"\\}");
        assertThat(body).containsPattern("greenband_suggester_queue_depth [0-9]");
        assertThat(body)
                .containsPattern(
                        "greenband_consumer_lag_records\\{consumer=\"suggester-loop\",partition=\"\\d+\",topic=\"studies\"\\}");
        assertThat(
                        ServiceEndpoints.awaitMetrics(
                                service,
                                "greenband_dead_letters_total\\{topic=\"trial-scored\"\\} [1-9]",
                                Duration.ofSeconds(60)))
                .containsPattern("greenband_dead_letters_total\\{topic=\"trial-scored\"\\} [1-9]");
    }
}
