package io.greenband.aggregator.adapter.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.greenband.aggregator.core.attribution.EnergySample;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.export.CodeCarbonCsv;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The CodeCarbon-compatible CSV and the power series behind a study's trials. */
@Path("/api/studies/{studyId}")
@Tag(name = "energy", description = "Energy, power and emissions of a study's trials")
public class ExportResource {

    /** Most power points returned; the dashboard needs a curve, not every sample. */
    static final int MAX_POINTS = 5000;

    private final StudyViews views;

    @Inject
    public ExportResource(StudyViews views) {
        this.views = views;
    }

    /** One row per trial with attributed energy, in CodeCarbon's {@code emissions.csv} columns. */
    @GET
    @Path("/emissions.csv")
    @Produces("text/csv")
    @Operation(summary = "One row per trial with attributed energy, in CodeCarbon's emissions.csv columns")
    @APIResponse(responseCode = "200", description = "The CSV")
    public Response emissionsCsv(@Parameter(description = "The study's id") @PathParam("studyId") String studyId) {
        views.require(studyId);
        String csv = CodeCarbonCsv.toCsv(views.store.emissionsRows(studyId));
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"" + studyId + "-emissions.csv\"")
                .build();
    }

    /** Average power per sample window on the hosts and over the time span of the study's attributed trials. */
    @GET
    @Path("/power")
    @Produces("application/json")
    @Operation(summary = "Average power per sample window on the study's hosts over its trials' time span",
            description = "At most " + MAX_POINTS + " points, evenly thinned.")
    @APIResponse(responseCode = "200", description = "The series")
    public List<ApiViews.PowerPoint> power(@Parameter(description = "The study's id") @PathParam("studyId") String studyId) {
        views.require(studyId);
        Map<String, Instant[]> spans = new LinkedHashMap<>();
        views.store.trials(studyId).forEach(t -> {
            Optional<TrialEnergy> e = views.store.trialEnergy(t.key());
            e.ifPresent(x -> spans.merge(x.host(), new Instant[] {x.from(), x.to()},
                    (a, b) -> new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]}));
        });
        List<ApiViews.PowerPoint> out = new ArrayList<>();
        spans.forEach((host, span) -> {
            for (EnergySample s : views.store.samples(host, span[0], span[1].plusNanos(1))) {
                double seconds = s.windowNanos() / 1e9;
                out.add(new ApiViews.PowerPoint(s.windowStart(), s.windowEnd(), host, s.device(),
                        s.component().wireName(), seconds > 0 ? s.joules() / seconds : 0));
            }
        });
        out.sort(Comparator.comparing(ApiViews.PowerPoint::start));
        if (out.size() <= MAX_POINTS) {
            return out;
        }
        int step = (out.size() + MAX_POINTS - 1) / MAX_POINTS;
        List<ApiViews.PowerPoint> thinned = new ArrayList<>();
        for (int i = 0; i < out.size(); i += step) {
            thinned.add(out.get(i));
        }
        return thinned;
    }
}
