package io.greenband.aggregator.adapter.rest;

import io.greenband.events.payload.TrialScored;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Server-sent events: each trial-scored of the study as it happens (the dashboard then re-reads the front). */
@Path("/api/studies/{studyId}/stream")
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
    public Multi<TrialScored> stream(@PathParam("studyId") String studyId) {
        views.require(studyId);
        return broadcaster.of(studyId);
    }
}
