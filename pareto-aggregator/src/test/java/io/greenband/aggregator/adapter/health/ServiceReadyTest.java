package io.greenband.aggregator.adapter.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service starts against the embedded Kafka broker and MongoDB server and reports itself live and ready. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ServiceReadyTest {

    @TestHTTPResource("/q/health")
    URI health;

    @Test
    void liveAndReadyOnTheEmbeddedStack() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> live = http.send(HttpRequest.newBuilder(health.resolve("/q/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);

        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(health.resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(ready.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        List<String> up = new ArrayList<>();
        body.path("checks").forEach(c -> {
            if ("UP".equals(c.path("status").asText())) {
                up.add(c.path("name").asText());
            }
        });
        assertThat(up).contains("kafka", "mongodb");
    }
}
