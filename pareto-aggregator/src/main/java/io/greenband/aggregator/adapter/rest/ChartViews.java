package io.greenband.aggregator.adapter.rest;

import io.greenband.aggregator.adapter.persistence.StoredCurve;
import io.greenband.aggregator.core.attribution.DeviceEnergy;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the chart endpoints (energy of every trial, learning curves, parameter
 * importances).
 */
final class ChartViews {

    private ChartViews() {}

    /**
     * A trial attempt's attributed energy by component and basis, with the host's other energy kept
     * apart.
     */
    record TrialEnergyParts(
            String trialId,
            int attempt,
            double totalJoules,
            double otherJoules,
            boolean partial,
            boolean estimated,
            List<Part> parts) {}

    /** Joules of one component attributed on one basis (several devices of one kind are summed). */
    record Part(String component, String basis, double joules) {}

    /** A learning curve: per epoch, the metrics reported. */
    record Curve(String trialId, int attempt, Integer epochs, List<StoredCurve.Point> points) {}

    /**
     * How much each hyperparameter explains of the suggester's forest's predictions, largest first.
     */
    record Importances(
            String studyId,
            String method,
            Integer trainingRows,
            Instant computedAt,
            List<Importance> importances,
            String note) {}

    /** One hyperparameter's share (the shares sum to 1). */
    record Importance(String name, double importance) {}

    static TrialEnergyParts energy(TrialEnergy e) {
        Map<String, Part> parts = new LinkedHashMap<>();
        for (DeviceEnergy d : e.devices()) {
            String key = d.component().wireName() + "|" + d.basisLabel();
            parts.merge(
                    key,
                    new Part(d.component().wireName(), d.basisLabel(), d.joules()),
                    (a, b) -> new Part(a.component(), a.basis(), a.joules() + b.joules()));
        }
        return new TrialEnergyParts(
                e.key().trialId(),
                e.key().attempt(),
                e.totalJoules(),
                e.devices().stream().mapToDouble(DeviceEnergy::otherJoules).sum(),
                e.partial(),
                e.hasEstimates(),
                List.copyOf(parts.values()));
    }

    static Curve curve(StoredCurve c) {
        return new Curve(c.trialId(), c.attempt(), c.epochs(), c.points());
    }
}
