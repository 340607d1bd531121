package io.greenband.aggregator.adapter.rest;

import io.greenband.aggregator.config.AggregatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer <token>} on write endpoints against {@code
 * greenband.aggregator.api-token}, else the file {@code greenband.aggregator.api-token-file} (read
 * on each check, so a rotated Secret applies without a restart). With neither, writes are refused.
 */
@ApplicationScoped
public class ApiToken {

    private final AggregatorConfig config;

    @Inject
    public ApiToken(AggregatorConfig config) {
        this.config = config;
    }

    /** Throws 401 unless {@code authorization} carries the configured token. */
    void check(String authorization) {
        Optional<String> expected = expected();
        if (expected.isEmpty()) {
            throw refuse(
                    "no API token is configured: set greenband.aggregator.api-token or mount one at "
                            + config.apiTokenFile());
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw refuse("write endpoints need the header 'Authorization: Bearer <token>'");
        }
        byte[] given =
                authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected.get().getBytes(StandardCharsets.UTF_8))) {
            throw refuse("the bearer token does not match the configured API token");
        }
    }

    private Optional<String> expected() {
        Optional<String> direct = config.apiToken().map(String::trim).filter(t -> !t.isEmpty());
        if (direct.isPresent()) {
            return direct;
        }
        Path file = Path.of(config.apiTokenFile());
        try {
            return Files.isReadable(file)
                    ? Optional.of(Files.readString(file).trim()).filter(t -> !t.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static NotAuthorizedException refuse(String message) {
        return new NotAuthorizedException(
                message,
                Response.status(401)
                        .header("WWW-Authenticate", "Bearer")
                        .entity(new ApiError("UNAUTHORIZED", message))
                        .build());
    }
}
