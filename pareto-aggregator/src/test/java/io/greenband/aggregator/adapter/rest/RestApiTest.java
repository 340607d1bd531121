package io.greenband.aggregator.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenband.aggregator.adapter.messaging.SeededStudy;
import io.greenband.aggregator.core.export.CodeCarbonCsv;
import io.greenband.aggregator.driver.FlowScript;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.events.payload.HostFacts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API over a study scored by the running engine. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class RestApiTest {

    static final String STUDY = "rest-study";
    static final String REFERENCED = "rest-reference-study";

    @TestHTTPResource("/")
    URI root;

    @Inject ScoringEngine engine;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void seed() {
        SeededStudy.seed(engine, STUDY, 2);
    }

    @Test
    void studiesListAndOneStudy() throws Exception {
        JsonNode list = get("/api/studies");
        List<String> ids = new ArrayList<>();
        list.forEach(s -> ids.add(s.path("studyId").asText()));
        assertThat(ids).contains(STUDY);
        JsonNode one = get("/api/studies/" + STUDY);
        assertThat(one.path("objectives").toString()).isEqualTo("[\"val_error\",\"emissions\"]");
        assertThat(one.path("scored").asInt()).isEqualTo(3);
    }

    @Test
    void trialsFilterSortAndPage() throws Exception {
        JsonNode byError = get("/api/studies/" + STUDY + "/trials?sort=val_error");
        assertThat(byError.path("total").asInt()).isEqualTo(3);
        assertThat(trialIds(byError)).containsExactly(STUDY + "-t1", STUDY + "-t2", STUDY + "-t0");
        JsonNode desc = get("/api/studies/" + STUDY + "/trials?sort=-emissions&limit=1&offset=1");
        assertThat(desc.path("total").asInt()).isEqualTo(3);
        assertThat(trialIds(desc)).containsExactly(STUDY + "-t0");
        JsonNode front = get("/api/studies/" + STUDY + "/trials?onFront=true&sort=trialId");
        assertThat(trialIds(front)).containsExactly(STUDY + "-t1", STUDY + "-t2");
        assertThat(front.path("items").get(0).path("config").path("optimizer").isMissingNode())
                .isFalse();
        HttpResponse<String> bad = send("/api/studies/" + STUDY + "/trials?sort=colour");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("message").asText()).contains("colour");
    }

    @Test
    void frontHypervolumeEnergyAndPower() throws Exception {
        JsonNode front = get("/api/studies/" + STUDY + "/front");
        assertThat(front.path("members").size()).isEqualTo(2);
        assertThat(front.path("hypervolume").asDouble()).isPositive();
        assertThat(get("/api/studies/" + STUDY + "/fronts").size()).isEqualTo(1);
        assertThat(front.path("frame").asText()).isEqualTo("derived");
        assertThat(front.path("reference").size()).isEqualTo(2);
        JsonNode history = get("/api/studies/" + STUDY + "/hypervolume");
        assertThat(history.size()).isGreaterThanOrEqualTo(2);
        assertThat(history.get(0).path("frame").asText()).isEqualTo("derived");
        JsonNode energy = get("/api/studies/" + STUDY + "/trials/" + STUDY + "-t1/energy");
        assertThat(energy.path("totalJoules").asDouble())
                .isCloseTo(
                        io.greenband.aggregator.adapter.messaging.FlowScriptAccess.joules(1),
                        within(1e-6));
        JsonNode power = get("/api/studies/" + STUDY + "/power");
        assertThat(power.size()).isEqualTo(18);
        assertThat(power.get(6).path("watts").asDouble()).isCloseTo(300.0, within(1e-9));
        power.forEach(
                p ->
                        assertThat(
                                        p.path("attributedWatts").asDouble()
                                                + p.path("otherWatts").asDouble()
                                                + p.path("idleWatts").asDouble())
                                .isCloseTo(p.path("watts").asDouble(), within(1e-6)));
        // The study's hosts over its trials: what its trials were charged is the sum of their
        // energies.
        JsonNode studyEnergy = get("/api/studies/" + STUDY + "/energy");
        double trials = 0;
        for (JsonNode t : get("/api/studies/" + STUDY + "/trials").path("items")) {
            trials +=
                    get("/api/studies/"
                                    + STUDY
                                    + "/trials/"
                                    + t.path("trialId").asText()
                                    + "/energy")
                            .path("totalJoules")
                            .asDouble();
        }
        assertThat(trials).isPositive();
        assertThat(studyEnergy.path("attributedJoules").asDouble()).isCloseTo(trials, within(1e-6));
        assertThat(
                        studyEnergy.path("attributedJoules").asDouble()
                                + studyEnergy.path("otherJoules").asDouble()
                                + studyEnergy.path("idleJoules").asDouble())
                .isCloseTo(studyEnergy.path("measuredJoules").asDouble(), within(1e-6));
    }

    @Test
    void studyReferencePointIsTheFrameOfItsFrontAndHistory() throws Exception {
        SeededStudy.seedWithReference(engine, REFERENCED, 3, 1.0, 2.0);

        JsonNode front = get("/api/studies/" + REFERENCED + "/front");
        assertThat(front.path("frame").asText()).isEqualTo("fixed");
        assertThat(front.path("reference").toString()).isEqualTo("[1.0,2.0]");
        // (0.25 - 0.20)(2.0 - 1.8) + (1.0 - 0.25)(2.0 - 0.9)
        assertThat(front.path("hypervolume").asDouble()).isCloseTo(0.835, within(1e-9));
        JsonNode history = get("/api/studies/" + REFERENCED + "/hypervolume");
        List<Double> values = new ArrayList<>();
        history.forEach(
                h -> {
                    assertThat(h.path("frame").asText()).isEqualTo("fixed");
                    assertThat(h.path("reference").toString()).isEqualTo("[1.0,2.0]");
                    values.add(h.path("hypervolume").asDouble());
                });
        assertThat(values).hasSize(3).isSorted();
        assertThat(values.get(2)).isCloseTo(0.835, within(1e-9));
    }

    @Test
    void csvHasCodeCarbonColumnsAndOneRowPerTrial() throws Exception {
        HttpResponse<String> csv = send("/api/studies/" + STUDY + "/emissions.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().trim().split("\r?\n");
        assertThat(lines[0]).isEqualTo(String.join(",", CodeCarbonCsv.COLUMNS));
        assertThat(lines).hasSize(4);
    }

    @Test
    void csvDescribesTheHostItsMonitorTold() throws Exception {
        String study = "rest-machine-study";
        SeededStudy.seed(engine, study, 3);
        FlowScript script = new FlowScript(study, FlowScript.T0.minusSeconds(3600L * 3));
        // A redelivered sample of the study's host, now telling what the host is.
        engine.acceptSamples(
                List.of(
                        script.samples()
                                .get(0)
                                .withMachine(
                                        new HostFacts(
                                                "Linux 6.1",
                                                "Test CPU 3000",
                                                4,
                                                16L << 30,
                                                "test GPU",
                                                1,
                                                "CH",
                                                "Zurich"))));
        String[] lines =
                send("/api/studies/" + study + "/emissions.csv").body().trim().split("\r?\n");
        assertThat(lines).hasSize(4);
        List<String> header = List.of(lines[0].split(","));
        for (int i = 1; i < lines.length; i++) {
            List<String> row = List.of(lines[i].split(",", -1));
            assertThat(row.get(header.indexOf("os"))).isEqualTo("Linux 6.1");
            assertThat(row.get(header.indexOf("cpu_model"))).isEqualTo("Test CPU 3000");
            assertThat(row.get(header.indexOf("cpu_count"))).isEqualTo("4");
            assertThat(row.get(header.indexOf("ram_total_size"))).isEqualTo("16.0");
            assertThat(row.get(header.indexOf("gpu_model"))).isEqualTo("test GPU");
            assertThat(row.get(header.indexOf("country_iso_code"))).isEqualTo("CHE");
            assertThat(row.get(header.indexOf("region"))).isEqualTo("Zurich");
        }
    }

    @Test
    void unknownStudyIs404AndStopNeedsToken() throws Exception {
        HttpResponse<String> missing = send("/api/studies/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).path("kind").asText()).isEqualTo("NOT_FOUND");
        HttpResponse<String> anonymous =
                http.send(
                        HttpRequest.newBuilder(root.resolve("/api/studies/" + STUDY + "/stop"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> wrong =
                http.send(
                        HttpRequest.newBuilder(root.resolve("/api/studies/" + STUDY + "/stop"))
                                .header("Authorization", "Bearer wrong")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> ok =
                http.send(
                        HttpRequest.newBuilder(root.resolve("/api/studies/" + STUDY + "/stop"))
                                .header("Authorization", "Bearer test-token")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(202);
    }

    @Test
    void openApiDocumentIsServed() throws Exception {
        HttpResponse<String> doc = send("/q/openapi");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("openapi: 3.1").contains("/api/studies/{studyId}/front");
        HttpResponse<String> old = send("/openapi.yaml");
        assertThat(old.statusCode())
                .as(
                        old.headers().map()
                                + "\n"
                                + old.body().substring(0, Math.min(300, old.body().length())))
                .isEqualTo(308);
        assertThat(old.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/q/openapi"));
    }

    private static List<String> trialIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(t -> ids.add(t.path("trialId").asText()));
        return ids;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(root.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
