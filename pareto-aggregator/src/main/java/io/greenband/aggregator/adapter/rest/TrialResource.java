package io.greenband.aggregator.adapter.rest;

import io.greenband.aggregator.AggregatorException;
import io.greenband.aggregator.driver.StoredRun;
import io.greenband.aggregator.core.attribution.TrialKey;
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

/** A study's scored trials (filter, sort, pages) and one trial's attributed energy. */
@Path("/api/studies/{studyId}/trials")
@Produces(MediaType.APPLICATION_JSON)
public class TrialResource {

    static final int MAX_LIMIT = 1000;

    private final StudyViews views;

    @Inject
    public TrialResource(StudyViews views) {
        this.views = views;
    }

    /**
     * Trials filtered by {@code status} (SCORED/FAILED), {@code fidelity} and {@code onFront}, sorted by
     * {@code sort} ({@code scoredAt}, {@code fidelity}, {@code emissions}, {@code energy}, {@code trialId} or an
     * objective name; prefix {@code -} for descending), then paged by {@code offset} and {@code limit}.
     */
    @GET
    public ApiViews.TrialPage list(@PathParam("studyId") String studyId, @QueryParam("status") String status,
            @QueryParam("fidelity") Double fidelity, @QueryParam("onFront") Boolean onFront,
            @QueryParam("sort") @DefaultValue("scoredAt") String sort, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1.." + MAX_LIMIT + ", got offset "
                    + offset + " and limit " + limit);
        }
        List<String> objectives = views.require(studyId).objectives();
        Set<String> front = views.topMembers(studyId);
        Map<String, StoredRun> runs = views.studies.runs(studyId);
        List<ApiViews.Trial> all = views.store.trials(studyId).stream()
                .map(t -> ApiViews.trial(t, front.contains(t.key().toString()), runs.get(t.key().toString())))
                .filter(t -> status == null || t.status().equalsIgnoreCase(status))
                .filter(t -> fidelity == null || t.fidelity() == fidelity)
                .filter(t -> onFront == null || t.onFront() == onFront)
                .sorted(order(sort, objectives))
                .toList();
        List<ApiViews.Trial> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        return new ApiViews.TrialPage(all.size(), offset, limit, page);
    }

    @GET
    @Path("/{trialId}/energy")
    public ApiViews.Energy energy(@PathParam("studyId") String studyId, @PathParam("trialId") String trialId,
            @QueryParam("attempt") @DefaultValue("1") int attempt) {
        views.require(studyId);
        TrialKey key = new TrialKey(trialId, attempt);
        return views.store.trialEnergy(key).map(ApiViews::energy).orElseThrow(() -> AggregatorException.notFound(
                "no attributed energy for trial " + key + " yet: energy is final a grace period after the trial ends"));
    }

    static Comparator<ApiViews.Trial> order(String sort, List<String> objectives) {
        boolean desc = sort.startsWith("-");
        String field = desc ? sort.substring(1) : sort;
        Comparator<Double> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<ApiViews.Trial> c = switch (field) {
            case "scoredAt" -> Comparator.comparing(ApiViews.Trial::scoredAt);
            case "fidelity" -> Comparator.comparingDouble(ApiViews.Trial::fidelity);
            case "emissions" -> Comparator.comparing(ApiViews.Trial::emissionsGrams, nullsLast);
            case "energy" -> Comparator.comparing(ApiViews.Trial::energyJoules, nullsLast);
            case "trialId" -> Comparator.comparing(ApiViews.Trial::trialId);
            default -> {
                int i = objectives.indexOf(field);
                if (i < 0) {
                    throw new IllegalArgumentException("sort '" + sort + "' is unknown: use scoredAt, fidelity, "
                            + "emissions, energy, trialId or an objective " + objectives + ", '-' first for descending");
                }
                yield Comparator.comparing(t -> t.objectives().get(i).value(), nullsLast);
            }
        };
        c = c.thenComparing(ApiViews.Trial::trialId).thenComparingInt(ApiViews.Trial::attempt);
        return desc ? c.reversed() : c;
    }
}
