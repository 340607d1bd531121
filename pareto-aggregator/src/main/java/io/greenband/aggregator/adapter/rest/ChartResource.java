package io.greenband.aggregator.adapter.rest;

import io.greenband.aggregator.adapter.persistence.MongoImportanceReader;
import io.greenband.aggregator.adapter.persistence.MongoProgressStore;
import io.greenband.aggregator.adapter.persistence.StoredTrial;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the dashboard's charts read beyond trials and fronts: every trial's energy parts and
 * learning curves.
 */
@Path("/api/studies/{studyId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "charts", description = "What the dashboard's charts read beyond trials and fronts")
public class ChartResource {

    private final StudyViews views;
    private final MongoProgressStore progress;
    private final MongoImportanceReader importances;

    @Inject
    public ChartResource(
            StudyViews views, MongoProgressStore progress, MongoImportanceReader importances) {
        this.views = views;
        this.progress = progress;
        this.importances = importances;
    }

    /**
     * Attributed energy of each scored trial attempt with energy, by component and basis, in
     * scoring order.
     */
    @GET
    @Path("/energy-parts")
    @Operation(summary = "Attributed energy of each scored trial attempt, by component and basis")
    @APIResponse(
            responseCode = "200",
            description = "One entry per scored attempt with energy, in scoring order")
    @APIResponse(responseCode = "404", description = "No such study")
    public List<ChartViews.TrialEnergyParts> energy(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId) {
        views.require(studyId);
        return views.store.trials(studyId).stream()
                .limit(TrialResource.MAX_LIMIT)
                .map(StoredTrial::key)
                .map(views.store::trialEnergy)
                .flatMap(Optional::stream)
                .map(ChartViews::energy)
                .toList();
    }

    /**
     * Learning curves from {@code trial-progress}: per trial attempt, the metrics of each epoch
     * (bounded, see {@link MongoProgressStore}).
     */
    @GET
    @Path("/progress")
    @Operation(summary = "Learning curves from trial-progress, per trial attempt")
    @APIResponse(responseCode = "200", description = "The curves")
    @APIResponse(responseCode = "404", description = "No such study")
    public List<ChartViews.Curve> progress(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId) {
        views.require(studyId);
        return progress.curves(studyId).stream().map(ChartViews::curve).toList();
    }

    /**
     * The parameter importances the suggester computed from its random forest; an empty list with a
     * note while it has none (a study still in its initial design, or a suggester that does not
     * model).
     */
    @GET
    @Path("/importances")
    @Operation(summary = "The parameter importances the suggester computed from its model")
    @APIResponse(
            responseCode = "200",
            description = "The importances, or an empty list with a note")
    @APIResponse(responseCode = "404", description = "No such study")
    public ChartViews.Importances importances(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId) {
        views.require(studyId);
        return importances
                .importances(studyId)
                .map(
                        i ->
                                new ChartViews.Importances(
                                        studyId,
                                        i.method(),
                                        i.trainingRows(),
                                        i.computedAt(),
                                        i.importances().stream()
                                                .map(
                                                        x ->
                                                                new ChartViews.Importance(
                                                                        x.name(), x.importance()))
                                                .toList(),
                                        null))
                .orElse(
                        new ChartViews.Importances(
                                studyId,
                                null,
                                null,
                                null,
                                List.of(),
                                "no importances yet: the suggester computes them each time it refits its forest"));
    }
}
