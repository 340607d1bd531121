package io.greenband.servicekit.health;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Liveness and readiness endpoints in the MicroProfile Health JSON shape ({@code status} UP/DOWN
 * and {@code checks}), at the paths Kubernetes probes use for Quarkus services: {@code
 * /q/health/live}, {@code /q/health/ready} and {@code /q/health}. Written here because the SmallRye
 * Health extension of the Quarkus platform in use is not published on every Maven repository
 * greenband builds from.
 */
@Path("/q/health")
@Tag(name = "health", description = "Liveness and readiness for supervisors and Kubernetes")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private final Instance<HealthCheck> checks;

    @Inject
    public HealthResource(Instance<HealthCheck> checks) {
        this.checks = checks;
    }

    @GET
    @Operation(summary = "Every check, liveness and readiness")
    @APIResponse(responseCode = "200", description = "All checks UP")
    @APIResponse(responseCode = "503", description = "A check is DOWN; the body names it and why")
    public Response all() {
        return report(null);
    }

    @GET
    @Path("/live")
    @Operation(summary = "Liveness: DOWN when a consumer stopped or stalled (restart the service)")
    @APIResponse(responseCode = "200", description = "Live")
    @APIResponse(responseCode = "503", description = "Not live; the body names the check and why")
    public Response live() {
        return report(HealthCheck.Kind.LIVENESS);
    }

    @GET
    @Path("/ready")
    @Operation(summary = "Readiness: Kafka (and MongoDB where used) answer and the consumers poll")
    @APIResponse(responseCode = "200", description = "Ready")
    @APIResponse(responseCode = "503", description = "Not ready; the body names the check and why")
    public Response ready() {
        return report(HealthCheck.Kind.READINESS);
    }

    private Response report(HealthCheck.Kind kind) {
        List<Map<String, Object>> results = new ArrayList<>();
        boolean allUp = true;
        for (HealthCheck check : checks) {
            if (kind != null && check.kind() != kind) {
                continue;
            }
            HealthStatus status;
            try {
                status = check.call();
            } catch (RuntimeException e) {
                status = HealthStatus.down(e.toString());
            }
            allUp &= status.up();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", check.name());
            entry.put("status", status.up() ? "UP" : "DOWN");
            if (!status.data().isEmpty()) {
                entry.put("data", status.data());
            }
            results.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", allUp ? "UP" : "DOWN");
        body.put("checks", results);
        return Response.status(allUp ? 200 : 503).entity(body).build();
    }
}
