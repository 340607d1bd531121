package io.greenband.aggregator.adapter.rest;

import io.greenband.aggregator.AggregatorException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A study's fronts (top and per fidelity) and hypervolume history. */
@Path("/api/studies/{studyId}")
@Tag(name = "fronts", description = "Pareto fronts and their hypervolume")
@Produces(MediaType.APPLICATION_JSON)
public class FrontResource {

    private final StudyViews views;

    @Inject
    public FrontResource(StudyViews views) {
        this.views = views;
    }

    /** The front at {@code fidelity}, or at the highest fidelity when omitted. */
    @GET
    @Path("/front")
    @Operation(summary = "The front at a fidelity (default the highest)")
    @APIResponse(responseCode = "200", description = "The front")
    @APIResponse(
            responseCode = "404",
            description = "No such study, or no front at that fidelity yet")
    public ApiViews.Front front(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId,
            @Parameter(description = "A fidelity; the highest fidelity with a front when omitted")
                    @QueryParam("fidelity")
                    Double fidelity) {
        List<String> directions = views.directions(studyId);
        var front =
                fidelity == null ? views.topFront(studyId) : views.store.front(studyId, fidelity);
        return front.map(f -> ApiViews.front(f, directions))
                .orElseThrow(
                        () ->
                                AggregatorException.notFound(
                                        "study '"
                                                + studyId
                                                + "' has no front"
                                                + (fidelity == null
                                                        ? ""
                                                        : " at fidelity " + fidelity)
                                                + " yet: fronts appear once trials are scored"));
    }

    /** Every fidelity's front, lowest fidelity first. */
    @GET
    @Path("/fronts")
    @Operation(summary = "The front of every fidelity, lowest first")
    @APIResponse(responseCode = "200", description = "The fronts")
    @APIResponse(responseCode = "404", description = "No such study")
    public List<ApiViews.Front> fronts(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId) {
        List<String> directions = views.directions(studyId);
        return views.store.fronts(studyId).stream()
                .map(f -> ApiViews.front(f, directions))
                .toList();
    }

    /**
     * Hypervolume after each front change at {@code fidelity} (default: the highest fidelity with a
     * front).
     */
    @GET
    @Path("/hypervolume")
    @Operation(summary = "Hypervolume after each front change at a fidelity")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(responseCode = "404", description = "No such study")
    public List<ApiViews.HypervolumePoint> hypervolume(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId,
            @Parameter(description = "A fidelity; the highest fidelity with a front when omitted")
                    @QueryParam("fidelity")
                    Double fidelity) {
        views.require(studyId);
        Double f =
                fidelity != null
                        ? fidelity
                        : views.topFront(studyId).map(x -> x.fidelity()).orElse(null);
        if (f == null) {
            return List.of();
        }
        List<String> directions = views.directions(studyId);
        return views.store.hypervolumeHistory(studyId, f).stream()
                .map(h -> ApiViews.hypervolume(h, directions))
                .toList();
    }
}
