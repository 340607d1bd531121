package io.greenband.aggregator.adapter.rest;

import io.greenband.events.payload.TrialScored;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Server-sent events: each trial-scored of the study as it happens (the dashboard then re-reads the
 * front).
 */
@Path("/api/studies/{studyId}/stream")
@Tag(name = "fronts")
public class StreamResource {

    private final FrontBroadcaster broadcaster;
    private final StudyViews views;

    @Inject
    public StreamResource(FrontBroadcaster broadcaster, StudyViews views) {
        this.broadcaster = broadcaster;
        this.views = views;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Server-sent events, one per trial-scored of the study from now on",
            description =
                    "Each data line is a trial-scored event payload (schema trial-scored.v1 of the events module).")
    @APIResponse(responseCode = "200", description = "An event stream")
    @APIResponse(responseCode = "404", description = "No such study")
    public Multi<TrialScored> stream(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId) {
        views.require(studyId);
        return broadcaster.of(studyId);
    }
}
