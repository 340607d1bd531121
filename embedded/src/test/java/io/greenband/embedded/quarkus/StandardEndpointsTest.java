package io.greenband.embedded.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared endpoint checks against a small JDK HTTP server that answers like a service, well or
 * badly.
 */
class StandardEndpointsTest {

    private static final String UP =
            "{\"status\":\"UP\",\"checks\":[{\"name\":\"kafka\",\"status\":\"UP\"},"
                    + "{\"name\":\"mongodb\",\"status\":\"UP\"}]}";
    private static final String MONGO_DOWN =
            "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"kafka\",\"status\":\"UP\"},"
                    + "{\"name\":\"mongodb\",\"status\":\"DOWN\"}]}";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void readyServiceWithTheNamedChecksUpHasNoProblems() throws Exception {
        URI base = serve(200, UP, 200, UP);
        assertThat(StandardEndpoints.readinessProblems(base, "kafka", "mongodb")).isEmpty();
    }

    @Test
    void aCheckThatIsDownOrMissingIsNamed() throws Exception {
        URI base = serve(200, UP, 503, MONGO_DOWN);
        assertThat(StandardEndpoints.readinessProblems(base, "kafka", "mongodb", "energy-sources"))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("GET /q/health/ready answered 503 DOWN"))
                .anySatisfy(p -> assertThat(p).startsWith("readiness check 'mongodb' is not up"))
                .anySatisfy(
                        p ->
                                assertThat(p)
                                        .startsWith("readiness check 'energy-sources' is not up"));
    }

    @Test
    void aServiceWithoutResourcesOrLivenessIsReported() throws Exception {
        URI base = serve(503, MONGO_DOWN, 200, UP);
        // No class under this prefix declares a JAX-RS route: every standard route is missing.
        assertThat(StandardEndpoints.problems(base, "io.greenband.embedded.quarkus.none"))
                .contains(
                        "no JAX-RS resource found under io.greenband.embedded.quarkus.none",
                        "GET /q/health/live is served by no resource under io.greenband.embedded.quarkus.none",
                        "GET /q/health/ready is served by no resource under io.greenband.embedded.quarkus.none")
                .anySatisfy(p -> assertThat(p).startsWith("GET /q/health/live answered 503"));
    }

    private URI serve(int liveStatus, String live, int readyStatus, String ready) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/q/health/live", liveStatus, live);
        answer("/q/health/ready", readyStatus, ready);
        answer("/q/openapi", 200, "{\"openapi\":\"3.0.3\",\"paths\":{}}");
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void answer(String path, int status, String body) {
        server.createContext(
                path,
                exchange -> {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
    }
}
