package io.greenband.aggregator.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The dashboard, its files and the API carry a content security policy that allows only this origin
 * and no framing, {@code nosniff} and {@code X-Frame-Options: DENY}; no response, not even a CORS
 * preflight from another origin, allows a cross-origin caller.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class SecurityHeadersTest {

    static final String EVIL = "https://evil.example";

    @TestHTTPResource("/")
    URI root;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dashboardFilesAndApiSendTheSecurityHeaders() throws Exception {
        for (String path :
                new String[] {
                    "/",
                    "/index.html",
                    "/dashboard.js",
                    "/dashboard.css",
                    "/api/studies",
                    "/api/studies/no-such-study"
                }) {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(root.resolve(path))
                                    .header("Origin", EVIL)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            var h = r.headers();
            assertThat(h.firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(
                            csp ->
                                    assertThat(csp)
                                            .contains(
                                                    "default-src 'self'",
                                                    "script-src 'self'",
                                                    "frame-ancestors 'none'",
                                                    "object-src 'none'")
                                            .doesNotContain("unsafe-inline", "unsafe-eval", "*"));
            assertThat(h.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(h.firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(h.firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
    }

    @Test
    void aCrossOriginPreflightIsNotAllowed() throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(root.resolve("/api/studies/x/stop"))
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                .header("Origin", EVIL)
                                .header("Access-Control-Request-Method", "POST")
                                .header("Access-Control-Request-Headers", "Authorization")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }
}
