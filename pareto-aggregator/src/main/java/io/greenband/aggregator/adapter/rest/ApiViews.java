package io.greenband.aggregator.adapter.rest;

import io.greenband.aggregator.adapter.persistence.StoredFront;
import io.greenband.aggregator.adapter.persistence.StoredHypervolume;
import io.greenband.aggregator.adapter.persistence.StoredTrial;
import io.greenband.aggregator.core.attribution.DeviceEnergy;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.driver.StoredRun;
import io.greenband.aggregator.driver.StoredStudy;
import io.greenband.pareto.ParetoPoint;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of the API (see {@code openapi.yaml}) and their mapping from stored records. */
final class ApiViews {

    private ApiViews() {}

    /**
     * A study with this replica's live counts when it scores the study, and its objectives' units.
     */
    record Study(
            String studyId,
            String name,
            List<String> objectives,
            List<String> directions,
            String fingerprint,
            double maxFidelity,
            Instant definedAt,
            Instant stoppedAt,
            String stopReason,
            Integer started,
            Integer finished,
            Integer scored,
            List<String> units) {}

    /** One objective value; {@code value} is null when missing. */
    record Value(
            String name,
            String direction,
            Double value,
            boolean missing,
            boolean substituted,
            String note) {}

    /** A scored trial attempt. */
    record Trial(
            String trialId,
            int attempt,
            double fidelity,
            String status,
            int revision,
            List<Value> objectives,
            boolean onFront,
            Double emissionsGrams,
            Double energyJoules,
            Instant scoredAt,
            String reason,
            String host,
            Map<String, Object> config,
            String energyBasis) {}

    /** A page of trials. */
    record TrialPage(long total, int offset, int limit, List<Trial> items) {}

    /** A front member with its objective values as reported (not negated). */
    record Member(String pointId, List<Double> values) {}

    /**
     * A front; {@code frame} is {@code fixed} (the study's reference point) or {@code derived}, and
     * {@code reference} the reference point in objective units as reported.
     */
    record Front(
            double fidelity,
            boolean top,
            double hypervolume,
            String frame,
            List<Double> reference,
            List<Member> members,
            Instant updatedAt) {}

    /**
     * One hypervolume history entry, with the frame it was measured in (null for entries stored
     * without one).
     */
    record HypervolumePoint(
            int index,
            Instant at,
            String pointId,
            int frontSize,
            double hypervolume,
            String frame,
            List<Double> reference) {}

    /**
     * Energy of one device or component for a trial: how its share was computed ({@code basis}),
     * whether it was measured or modelled, and the host's other energy of that stream during the
     * trial.
     */
    record Device(
            String device,
            String component,
            double joules,
            double coveredSeconds,
            double gapSeconds,
            boolean shared,
            String basis,
            boolean estimated,
            double otherJoules) {}

    /**
     * Attributed energy of a trial attempt; {@code otherJoules} is kept apart, never in the total.
     */
    record Energy(
            String trialId,
            int attempt,
            String host,
            Instant from,
            Instant to,
            double totalJoules,
            boolean partial,
            boolean finalized,
            List<Device> devices,
            boolean estimated,
            double otherJoules) {}

    /**
     * Average power of one sample window, and how much of it the study's trials were charged, how
     * much their host's other processes used while they ran (never charged) and how much was idle,
     * in mean watts over the window.
     */
    record PowerPoint(
            Instant start,
            Instant end,
            String host,
            String device,
            String component,
            double watts,
            double attributedWatts,
            double otherWatts,
            double idleWatts) {}

    /**
     * Where the energy of the hosts went over the span of a study's trials: {@code measuredJoules =
     * attributedJoules + otherJoules + idleJoules}. {@code otherJoules} is what none of the study's
     * trials used while they ran (other processes, other studies' trials), {@code idleJoules} the
     * time none ran and the estimates' idle share.
     */
    record StudyEnergy(
            String studyId,
            double measuredJoules,
            double attributedJoules,
            double otherJoules,
            double idleJoules,
            int windows) {}

    static Study study(StoredStudy s, Integer started, Integer finished, Integer scored) {
        return new Study(
                s.studyId(),
                s.name(),
                s.objectives(),
                s.directions(),
                s.fingerprint(),
                s.maxFidelity(),
                s.definedAt(),
                s.stoppedAt().orElse(null),
                s.stopReason(),
                started,
                finished,
                scored,
                s.units());
    }

    static Trial trial(StoredTrial t, boolean onFront, StoredRun run) {
        List<Value> values =
                t.objectives().stream()
                        .map(
                                v ->
                                        new Value(
                                                v.name(),
                                                v.direction().name().toLowerCase(Locale.ROOT),
                                                v.value().isPresent()
                                                        ? v.value().getAsDouble()
                                                        : null,
                                                v.isMissing(),
                                                v.substituted(),
                                                v.note()))
                        .toList();
        return new Trial(
                t.key().trialId(),
                t.key().attempt(),
                t.fidelity(),
                t.status(),
                t.revision(),
                values,
                onFront,
                t.emissionsGrams().isPresent() ? t.emissionsGrams().getAsDouble() : null,
                t.trainJoules().isPresent() ? t.trainJoules().getAsDouble() : null,
                t.scoredAt(),
                t.reason(),
                run == null ? null : run.host(),
                run == null ? Map.of() : run.config(),
                t.energyBasis().orElse(null));
    }

    static Front front(StoredFront f, List<String> directions) {
        List<Member> members = f.members().stream().map(p -> member(p, directions)).toList();
        return new Front(
                f.fidelity(),
                f.top(),
                f.hypervolume(),
                rule(f.frame()),
                reported(f.reference(), directions),
                members,
                f.updatedAt());
    }

    /** Undoes the negation of maximized objectives so clients see reported values. */
    static Member member(ParetoPoint p, List<String> directions) {
        return new Member(p.id(), reported(Arrays.stream(p.values()).boxed().toList(), directions));
    }

    static HypervolumePoint hypervolume(StoredHypervolume h, List<String> directions) {
        return new HypervolumePoint(
                h.index(),
                h.at(),
                h.pointId(),
                h.frontSize(),
                h.hypervolume(),
                rule(h.frame()),
                reported(h.reference(), directions));
    }

    /**
     * Minimized values (maximized objectives negated) back in the units and signs the study
     * reports.
     */
    private static List<Double> reported(List<Double> minimized, List<String> directions) {
        Double[] out = new Double[minimized.size()];
        for (int i = 0; i < out.length; i++) {
            boolean max = i < directions.size() && directions.get(i).equals("maximize");
            out[i] = max ? -minimized.get(i) : minimized.get(i);
        }
        return List.of(out);
    }

    private static String rule(String stored) {
        return stored == null ? null : stored.toLowerCase(Locale.ROOT);
    }

    static Energy energy(TrialEnergy e) {
        List<Device> devices = e.devices().stream().map(ApiViews::device).toList();
        return new Energy(
                e.key().trialId(),
                e.key().attempt(),
                e.host(),
                e.from(),
                e.to(),
                e.totalJoules(),
                e.partial(),
                e.finalized(),
                devices,
                e.hasEstimates(),
                e.devices().stream().mapToDouble(DeviceEnergy::otherJoules).sum());
    }

    private static Device device(DeviceEnergy d) {
        return new Device(
                d.device(),
                d.component().wireName(),
                d.joules(),
                d.coveredSeconds(),
                d.gapSeconds(),
                d.shared(),
                d.basisLabel(),
                d.estimated(),
                d.otherJoules());
    }
}
