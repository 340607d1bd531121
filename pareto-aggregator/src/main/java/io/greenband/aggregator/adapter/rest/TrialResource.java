package io.greenband.aggregator.adapter.rest;

import io.greenband.aggregator.AggregatorException;
import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.driver.StoredRun;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A study's scored trials (filter, sort, pages) and one trial's attributed energy. */
@Path("/api/studies/{studyId}/trials")
@Tag(name = "trials", description = "Scored trials and their attributed energy")
@Produces(MediaType.APPLICATION_JSON)
public class TrialResource {

    static final int MAX_LIMIT = 1000;

    private final StudyViews views;

    @Inject
    public TrialResource(StudyViews views) {
        this.views = views;
    }

    /**
     * Trials filtered by {@code status} (SCORED/FAILED), {@code fidelity} and {@code onFront},
     * sorted by {@code sort} ({@code scoredAt}, {@code fidelity}, {@code emissions}, {@code
     * energy}, {@code trialId} or an objective name; prefix {@code -} for descending), then paged
     * by {@code offset} and {@code limit}.
     */
    @GET
    @Operation(summary = "Scored trials, filtered, sorted and paged")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Bad offset, limit or sort")
    @APIResponse(responseCode = "404", description = "No such study")
    public ApiViews.TrialPage list(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId,
            @Parameter(description = "SCORED or FAILED") @QueryParam("status") String status,
            @Parameter(description = "Only trials at this fidelity") @QueryParam("fidelity")
                    Double fidelity,
            @Parameter(description = "Only trials on (true) or off (false) the front")
                    @QueryParam("onFront")
                    Boolean onFront,
            @Parameter(
                            description =
                                    "scoredAt, fidelity, emissions, energy, trialId or an objective name; '-' first for descending")
                    @QueryParam("sort")
                    @DefaultValue("scoredAt")
                    String sort,
            @Parameter(description = "Trials to skip") @QueryParam("offset") @DefaultValue("0")
                    int offset,
            @Parameter(description = "Page size, 1 to 1000")
                    @QueryParam("limit")
                    @DefaultValue("100")
                    int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "offset must be >= 0 and limit 1.."
                            + MAX_LIMIT
                            + ", got offset "
                            + offset
                            + " and limit "
                            + limit);
        }
        List<String> objectives = views.require(studyId).objectives();
        Set<String> front = views.topMembers(studyId);
        Map<String, StoredRun> runs = views.studies.runs(studyId);
        List<ApiViews.Trial> all =
                views.store.trials(studyId).stream()
                        .map(
                                t ->
                                        ApiViews.trial(
                                                t,
                                                front.contains(t.key().toString()),
                                                runs.get(t.key().toString())))
                        .filter(t -> status == null || t.status().equalsIgnoreCase(status))
                        .filter(t -> fidelity == null || t.fidelity() == fidelity)
                        .filter(t -> onFront == null || t.onFront() == onFront)
                        .sorted(order(sort, objectives))
                        .toList();
        List<ApiViews.Trial> page =
                all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        return new ApiViews.TrialPage(all.size(), offset, limit, page);
    }

    @GET
    @Path("/{trialId}/energy")
    @Operation(summary = "Attributed energy of a trial attempt, per device and component")
    @APIResponse(responseCode = "200", description = "The energy")
    @APIResponse(
            responseCode = "404",
            description = "No such study, or the energy is not final yet")
    public ApiViews.Energy energy(
            @Parameter(description = "The study's id") @PathParam("studyId") String studyId,
            @Parameter(description = "The trial's id") @PathParam("trialId") String trialId,
            @Parameter(description = "The attempt, from 1")
                    @QueryParam("attempt")
                    @DefaultValue("1")
                    int attempt) {
        views.require(studyId);
        TrialKey key = new TrialKey(trialId, attempt);
        return views.store
                .trialEnergy(key)
                .map(ApiViews::energy)
                .orElseThrow(
                        () ->
                                AggregatorException.notFound(
                                        "no attributed energy for trial "
                                                + key
                                                + " yet: energy is final a grace period after the trial ends"));
    }

    static Comparator<ApiViews.Trial> order(String sort, List<String> objectives) {
        boolean desc = sort.startsWith("-");
        String field = desc ? sort.substring(1) : sort;
        Comparator<Double> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<ApiViews.Trial> c =
                switch (field) {
                    case "scoredAt" -> Comparator.comparing(ApiViews.Trial::scoredAt);
                    case "fidelity" -> Comparator.comparingDouble(ApiViews.Trial::fidelity);
                    case "emissions" ->
                            Comparator.comparing(ApiViews.Trial::emissionsGrams, nullsLast);
                    case "energy" -> Comparator.comparing(ApiViews.Trial::energyJoules, nullsLast);
                    case "trialId" -> Comparator.comparing(ApiViews.Trial::trialId);
                    default -> {
                        int i = objectives.indexOf(field);
                        if (i < 0) {
                            throw new IllegalArgumentException(
                                    "sort '"
                                            + sort
                                            + "' is unknown: use scoredAt, fidelity, "
                                            + "emissions, energy, trialId or an objective "
                                            + objectives
                                            + ", '-' first for descending");
                        }
                        yield Comparator.comparing(t -> t.objectives().get(i).value(), nullsLast);
                    }
                };
        c = c.thenComparing(ApiViews.Trial::trialId).thenComparingInt(ApiViews.Trial::attempt);
        return desc ? c.reversed() : c;
    }
}
