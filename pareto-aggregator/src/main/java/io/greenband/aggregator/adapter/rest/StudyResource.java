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

/** Studies: list, one, and asking a study to stop (a write: bearer token). */
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
public class StudyResource {

    private final StudyViews views;
    private final ScoringEngine engine;
    private final EventPublisher publisher;
    private final ApiToken token;

    @Inject
    public StudyResource(StudyViews views, ScoringEngine engine, EventPublisher publisher, ApiToken token) {
        this.views = views;
        this.engine = engine;
        this.publisher = publisher;
        this.token = token;
    }

    @GET
    public List<ApiViews.Study> list() {
        return views.studies.studies().stream().map(this::view).toList();
    }

    @GET
    @Path("/{studyId}")
    public ApiViews.Study get(@PathParam("studyId") String studyId) {
        return view(views.require(studyId));
    }

    /** Publishes {@code study-stopped} (reason REQUESTED); the suggester stops suggesting. */
    @POST
    @Path("/{studyId}/stop")
    public Response stop(@PathParam("studyId") String studyId, @HeaderParam("Authorization") String authorization) {
        token.check(authorization);
        views.require(studyId);
        StudyStopped stopped = new StudyStopped(studyId, StudyStopped.Reason.REQUESTED, "stopped through the API",
                Clock.systemUTC().instant());
        publisher.publish(List.of(stopped));
        return Response.accepted(stopped).build();
    }

    private ApiViews.Study view(StoredStudy s) {
        var p = engine.progress(s.studyId());
        return ApiViews.study(s, p.map(x -> x.started()).orElse(null), p.map(x -> x.finished()).orElse(null),
                p.map(x -> x.scored()).orElse(null));
    }
}
