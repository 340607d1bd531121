package io.greenband.aggregator.adapter.persistence;

import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.emissions.Emissions;
import io.greenband.aggregator.core.objective.ObjectiveValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A scored trial as read back from the store (the trials table of the API and dashboard).
 *
 * @param studyId the study
 * @param key the trial attempt
 * @param fidelity the fidelity it ran at
 * @param status SCORED or FAILED
 * @param revision 0 for the first score, higher after late plug-in values re-scored it
 * @param objectives its objective vector
 * @param reason why it failed or what is missing
 * @param scoredAt when it was scored
 * @param onTopFrontWhenScored top-front membership when it was scored (current membership: the
 *     fronts)
 * @param emissionsGrams its emissions, when energy was attributed
 * @param trainJoules its energy, when attributed
 * @param emissions the full emissions record, when energy was attributed
 * @param energyBasis how its energy was obtained, e.g. {@code cpu-package CPU_TIME, dram RSS;
 *     measured; complete}, when energy was attributed
 */
public record StoredTrial(
        String studyId,
        TrialKey key,
        double fidelity,
        String status,
        int revision,
        List<ObjectiveValue> objectives,
        String reason,
        Instant scoredAt,
        boolean onTopFrontWhenScored,
        OptionalDouble emissionsGrams,
        OptionalDouble trainJoules,
        Optional<Emissions> emissions,
        Optional<String> energyBasis) {}
