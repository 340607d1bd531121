package io.greenband.aggregator.adapter.persistence;

import io.greenband.pareto.ParetoPoint;
import java.time.Instant;
import java.util.List;

/**
 * A front as read back from the store.
 *
 * @param studyId the study
 * @param fidelity the fidelity
 * @param top whether it was the top fidelity's front when written
 * @param members its members (minimized vectors: maximized objectives negated)
 * @param hypervolume its hypervolume in its frame
 * @param frame the rule of that frame ({@code FIXED}: the study's reference point; {@code DERIVED}:
 *     from the observed points), null in documents written without one
 * @param reference the reference point in minimized objective units
 * @param updatedAt when it was written
 */
public record StoredFront(
        String studyId,
        double fidelity,
        boolean top,
        List<ParetoPoint> members,
        double hypervolume,
        String frame,
        List<Double> reference,
        Instant updatedAt) {}
