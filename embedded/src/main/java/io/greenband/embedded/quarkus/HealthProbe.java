package io.greenband.embedded.quarkus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a service's {@code /q/health/live} or {@code /q/health/ready} answer, for tests and
 * launchers that wait for a service started on the embedded stack.
 */
public final class HealthProbe {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HealthProbe() {}

    /**
     * One health answer.
     *
     * @param httpStatus 200 when every check is up, 503 otherwise
     * @param status {@code UP} or {@code DOWN}
     * @param checks each check's name and status, in the order reported
     * @param body the raw answer, for failure messages
     */
    public record Report(int httpStatus, String status, Map<String, String> checks, String body) {

        /** The names of the checks that are up. */
        public List<String> upChecks() {
            return checks.entrySet().stream()
                    .filter(e -> "UP".equals(e.getValue()))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /**
     * The readiness answer of the service at {@code base} (any URI of the service; its path is
     * ignored).
     */
    public static Report ready(URI base) throws IOException, InterruptedException {
        return get(base.resolve("/q/health/ready"));
    }

    /** The liveness answer of the service at {@code base}. */
    public static Report live(URI base) throws IOException, InterruptedException {
        return get(base.resolve("/q/health/live"));
    }

    private static Report get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(response.body());
        Map<String, String> checks = new LinkedHashMap<>();
        body.path("checks")
                .forEach(c -> checks.put(c.path("name").asText(), c.path("status").asText()));
        return new Report(
                response.statusCode(), body.path("status").asText(), checks, response.body());
    }
}
