package io.greenband.aggregator.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.aggregator.adapter.messaging.SeededStudy;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.embedded.quarkus.ServiceEndpoints;
import io.greenband.embedded.quarkus.StandardEndpoints;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
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
 * The standard endpoints: the generated {@code /q/openapi} lists every route of the API resources
 * (each with a summary, none stale), health answers (live, and ready with Kafka and MongoDB up),
 * and {@code /q/metrics} carries per-study and per-trial energy and emissions counters of a scored
 * study, consumer lag and dead letters after a garbage record went through the embedded broker.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class EndpointsTest {

    static final String STUDY = "endpoints-study";

    EmbeddedStack stack;

    @Inject TopicRegistry topics;

    @Inject ScoringEngine engine;

    @TestHTTPResource("/")
    URI service;

    @Test
    void openApiListsEveryRouteAndTheServiceIsLiveAndReady() throws Exception {
        assertThat(StandardEndpoints.problems(service, "io.greenband")).isEmpty();
        assertThat(StandardEndpoints.readinessProblems(service, "kafka", "mongodb")).isEmpty();
        assertThat(ServiceEndpoints.declaredRoutes("io.greenband"))
                .contains("GET /api/studies/{studyId}/front", "POST /api/studies/{studyId}/stop");
        String yaml = ServiceEndpoints.get(service, "/q/openapi").body();
        assertThat(yaml)
                .contains("title: greenband pareto-aggregator API")
                .contains("scheme: bearer")
                .contains("summary: Publishes study-stopped");
    }

    @Test
    void metricsCarryStudyAndTrialEnergyEmissionsLagAndDeadLetters() throws Exception {
        SeededStudy.seed(engine, STUDY, 3);
        stack.send(
                List.of(
                        new ProducerRecord<>(
                                topics.name(Topic.TRIAL_FINISHED),
                                STUDY,
                                "not an event".getBytes(StandardCharsets.UTF_8))));
        String deadLetters = "greenband_dead_letters_total\\{topic=\"trial-finished\"\\} [1-9]";
        String body = ServiceEndpoints.awaitMetrics(service, deadLetters, Duration.ofSeconds(90));
        assertThat(body).containsPattern(deadLetters);
        assertThat(body)
                .containsPattern(
                        "greenband_study_energy_joules_total\\{study=\"" + STUDY + "\"\\} [1-9]");
        assertThat(body)
                .containsPattern(
                        "greenband_study_emissions_grams_total\\{study=\"" + STUDY + "\"\\} \\d");
        assertThat(body)
                .containsPattern(
                        "greenband_study_trials_scored_total\\{study=\"" + STUDY + "\"\\} [1-9]");
        assertThat(body)
                .containsPattern(
                        "greenband_trial_energy_joules_total\\{component=\"\\w+\",study=\""
                                + STUDY
                                + "\",trial=\"[^\"]+\"\\} [1-9]");
        assertThat(body)
                .containsPattern(
                        "greenband_trial_emissions_grams_total\\{study=\""
                                + STUDY
                                + "\",trial=\"[^\"]+\"\\}");
        assertThat(body)
                .containsPattern(
                        "greenband_consumer_lag_records\\{consumer=\"trials\",partition=\"\\d+\",topic=\"trial-finished\"\\}");
    }
}
