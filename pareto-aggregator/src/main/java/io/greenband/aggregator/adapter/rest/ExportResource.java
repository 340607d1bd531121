package io.greenband.aggregator.adapter.rest;

import io.greenband.aggregator.core.attribution.Component;
import io.greenband.aggregator.core.attribution.EnergySample;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.attribution.TrialWindow;
import io.greenband.aggregator.core.attribution.WindowShares;
import io.greenband.aggregator.core.export.CodeCarbonCsv;
import io.greenband.aggregator.driver.StoredRun;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The CodeCarbon-compatible CSV, the power series behind a study's trials and where the hosts'
 * energy went.
 */
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
    @Operation(
            summary =
                    "One row per trial with attributed energy, in CodeCarbon's emissions.csv columns")
    @APIResponse(responseCode = "200", description = "The CSV")
    public Response emissionsCsv(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId) {
        views.require(studyId);
        String csv = CodeCarbonCsv.toCsv(views.store.emissionsRows(studyId));
        return Response.ok(csv)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + studyId + "-emissions.csv\"")
                .build();
    }

    /**
     * Average power per sample window on the hosts and over the time span of the study's attributed
     * trials, with the part charged to the study's trials, the other part and the idle part of each
     * window.
     */
    @GET
    @Path("/power")
    @Produces("application/json")
    @Operation(
            summary =
                    "Average power per sample window on the study's hosts over its trials' time span",
            description = "At most " + MAX_POINTS + " points, evenly thinned.")
    @APIResponse(responseCode = "200", description = "The series")
    public List<ApiViews.PowerPoint> power(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId) {
        views.require(studyId);
        List<ApiViews.PowerPoint> out = points(studyId);
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

    /**
     * Where the hosts' energy went over the study's trials: charged to them, other, idle (every
     * window).
     */
    @GET
    @Path("/energy")
    @Produces("application/json")
    @Operation(
            summary = "Where the hosts' energy went over the study's trials",
            description =
                    "Measured joules split into those charged to the study's trials, other processes' and idle.")
    @APIResponse(responseCode = "200", description = "The split")
    public ApiViews.StudyEnergy energy(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId) {
        views.require(studyId);
        double measured = 0;
        double attributed = 0;
        double other = 0;
        double idle = 0;
        List<ApiViews.PowerPoint> points = points(studyId);
        for (ApiViews.PowerPoint p : points) {
            double seconds = java.time.Duration.between(p.start(), p.end()).toNanos() / 1e9;
            measured += p.watts() * seconds;
            attributed += p.attributedWatts() * seconds;
            other += p.otherWatts() * seconds;
            idle += p.idleWatts() * seconds;
        }
        return new ApiViews.StudyEnergy(studyId, measured, attributed, other, idle, points.size());
    }

    /**
     * Every window of the study's hosts over its trials' span, split among its trials by the
     * ledger's rule.
     */
    private List<ApiViews.PowerPoint> points(String studyId) {
        Map<String, Instant[]> spans = new LinkedHashMap<>();
        Map<String, List<TrialWindow>> windows = new LinkedHashMap<>();
        Map<String, StoredRun> runs = views.studies.runs(studyId);
        views.store
                .trials(studyId)
                .forEach(
                        t -> {
                            Optional<TrialEnergy> e = views.store.trialEnergy(t.key());
                            e.ifPresent(
                                    x -> {
                                        spans.merge(
                                                x.host(),
                                                new Instant[] {x.from(), x.to()},
                                                (a, b) ->
                                                        new Instant[] {
                                                            a[0].isBefore(b[0]) ? a[0] : b[0],
                                                            a[1].isAfter(b[1]) ? a[1] : b[1]
                                                        });
                                        windows.computeIfAbsent(x.host(), h -> new ArrayList<>())
                                                .add(window(x, runs.get(t.key().toString())));
                                    });
                        });
        List<ApiViews.PowerPoint> out = new ArrayList<>();
        spans.forEach(
                (host, span) -> {
                    for (EnergySample s :
                            views.store.samples(host, span[0], span[1].plusNanos(1))) {
                        double seconds = s.windowNanos() / 1e9;
                        if (seconds <= 0) {
                            continue;
                        }
                        WindowShares.Shares sh = WindowShares.of(s, windows.get(host));
                        out.add(
                                new ApiViews.PowerPoint(
                                        s.windowStart(),
                                        s.windowEnd(),
                                        host,
                                        s.device(),
                                        s.component().wireName(),
                                        s.joules() / seconds,
                                        sh.attributed() / seconds,
                                        sh.other() / seconds,
                                        sh.idle() / seconds));
                    }
                });
        return out;
    }

    /**
     * The trial's window as the ledger saw it: its devices, and its pids from {@code
     * trial-started}.
     */
    private static TrialWindow window(TrialEnergy e, StoredRun run) {
        Set<String> held = new HashSet<>();
        held.add(TrialWindow.CPU);
        e.devices().stream()
                .filter(d -> d.component() == Component.GPU)
                .forEach(d -> held.add(d.device()));
        Set<Long> pids = run == null ? Set.of() : Set.copyOf(run.pids());
        return TrialWindow.finished(e.key(), e.host(), held, pids, e.from(), e.to());
    }
}
