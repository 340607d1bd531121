package io.greenband.aggregator.adapter.rest;

import io.greenband.aggregator.driver.EventPublisher;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.aggregator.driver.StoredStudy;
import io.greenband.events.payload.StudyStopped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Studies: list, one, and asking a study to stop (a write: bearer token). */
@Path("/api/studies")
@Tag(name = "studies", description = "Studies defined on the studies topic")
@Produces(MediaType.APPLICATION_JSON)
public class StudyResource {

    private final StudyViews views;
    private final ScoringEngine engine;
    private final EventPublisher publisher;
    private final ApiToken token;

    @Inject
    public StudyResource(
            StudyViews views, ScoringEngine engine, EventPublisher publisher, ApiToken token) {
        this.views = views;
        this.engine = engine;
        this.publisher = publisher;
        this.token = token;
    }

    @GET
    @Operation(summary = "Every study, in order of definition")
    @APIResponse(responseCode = "200", description = "The studies")
    public List<ApiViews.Study> list() {
        return views.studies.studies().stream().map(this::view).toList();
    }

    @GET
    @Path("/{studyId}")
    @Operation(summary = "One study, with its trial counts")
    @APIResponse(responseCode = "200", description = "The study")
    @APIResponse(responseCode = "404", description = "No such study")
    public ApiViews.Study get(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId) {
        return view(views.require(studyId));
    }

    /** Publishes {@code study-stopped} (reason REQUESTED); the suggester stops suggesting. */
    @POST
    @Path("/{studyId}/stop")
    @Operation(
            summary = "Publishes study-stopped (reason REQUESTED)",
            description =
                    "The suggester stops suggesting; running trials finish. Needs the API bearer token.")
    @SecurityRequirement(name = ApiDocument.BEARER)
    @APIResponse(
            responseCode = "202",
            description = "Published; the body is the study-stopped event")
    @APIResponse(responseCode = "401", description = "Missing or wrong bearer token")
    @APIResponse(responseCode = "404", description = "No such study")
    public Response stop(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId,
            @Parameter(description = "Bearer token", hidden = true) @HeaderParam("Authorization")
                    String authorization) {
        token.check(authorization);
        views.require(studyId);
        StudyStopped stopped =
                new StudyStopped(
                        studyId,
                        StudyStopped.Reason.REQUESTED,
                        "stopped through the API",
                        Clock.systemUTC().instant());
        publisher.publish(List.of(stopped));
        return Response.accepted(stopped).build();
    }

    private ApiViews.Study view(StoredStudy s) {
        var p = engine.progress(s.studyId());
        return ApiViews.study(
                s,
                p.map(x -> x.started()).orElse(null),
                p.map(x -> x.finished()).orElse(null),
                p.map(x -> x.scored()).orElse(null));
    }
}
