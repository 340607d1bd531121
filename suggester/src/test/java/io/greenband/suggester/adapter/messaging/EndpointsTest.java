package io.greenband.suggester.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.embedded.quarkus.HealthProbe;
import io.greenband.embedded.quarkus.ServiceEndpoints;
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
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The standard endpoints: the generated {@code /q/openapi} lists every route of the service's resources, and
 * {@code /q/metrics} carries suggestion latency, queue depth, consumer lag and dead letters once a study and a
 * garbage record went through the embedded broker; health still answers where supervisors and probes look.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class EndpointsTest {

    EmbeddedStack stack;

    @Inject
    TopicRegistry topics;

    @Inject
    EventIntake intake;

    @TestHTTPResource("/")
    URI service;

    @Test
    void openApiListsEveryRoute() throws Exception {
        assertThat(ServiceEndpoints.openApiProblems(service, "io.greenband")).isEmpty();
        assertThat(ServiceEndpoints.declaredRoutes("io.greenband")).contains("GET /q/health/live", "GET /q/health/ready");
        assertThat(HealthProbe.ready(service).httpStatus()).isEqualTo(200);
    }

    @Test
    void metricsCarrySuggestionLatencyQueueDepthLagAndDeadLetters() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.name(Topic.TRIAL_SCORED), "metrics-s",
                    "not an event".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(intake.codec().toRecord(Studies.study("metrics-s", 1, 2, 1, 60))).get();
        }
        String latency = "greenband_suggestion_latency_seconds_count [1-9]";
        String body = ServiceEndpoints.awaitMetrics(service, latency, Duration.ofSeconds(120));
        assertThat(body).containsPattern(latency);
        assertThat(body).containsPattern("greenband_suggestion_latency_seconds_bucket\\{le=\"0\\.1\"\\}");
        assertThat(body).containsPattern("greenband_suggester_queue_depth [0-9]");
        assertThat(body).containsPattern("greenband_consumer_lag_records\\{consumer=\"suggester-loop\",partition=\"\\d+\",topic=\"studies\"\\}");
        assertThat(ServiceEndpoints.awaitMetrics(service, "greenband_dead_letters_total\\{topic=\"trial-scored\"\\} [1-9]",
                Duration.ofSeconds(60))).containsPattern("greenband_dead_letters_total\\{topic=\"trial-scored\"\\} [1-9]");
    }
}
