package io.greenband.aggregator.adapter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API's security scheme for the document generated from the resources at {@code /q/openapi}
 * (title and description are {@code quarkus.smallrye-openapi.info-*} settings; each operation is
 * described where it is served), and the old document's address {@code /openapi.yaml}, which now
 * redirects there so links keep working.
 */
@SecurityScheme(
        securitySchemeName = ApiDocument.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer")
@Path("/openapi.yaml")
@Tag(name = "studies")
public class ApiDocument {

    /** The security scheme of the writes. */
    public static final String BEARER = "bearer";

    @GET
    @Operation(
            summary = "The OpenAPI document's former address: a permanent redirect to /q/openapi")
    @APIResponse(responseCode = "308", description = "Moved to /q/openapi")
    public Response moved() {
        return Response.status(Response.Status.PERMANENT_REDIRECT)
                .location(URI.create("/q/openapi"))
                .build();
    }
}
