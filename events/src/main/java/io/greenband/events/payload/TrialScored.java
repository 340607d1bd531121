package io.greenband.events.payload;

import io.greenband.events.EventType;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trial's full objective vector, assembled by the aggregator; the suggester's {@code tell}.
 *
 * @param studyId the study
 * @param trialId the trial
 * @param attempt the attempt
 * @param configId the configuration across rungs, optional
 * @param fidelity the budget it ran at
 * @param status how it ended
 * @param objectives the objective vector in the study's order
 * @param energy energy attributed to the trial
 * @param emissions emissions derived from that energy
 * @param onFront whether it is on the Pareto front of its fidelity when scored
 * @param frontRank non-dominated sorting rank at its fidelity (0 = front), optional
 * @param revision 0 for the first score, incremented when a late value re-scores the trial
 * @param studyFingerprint fingerprint of the study definition, optional
 * @param scoredAt when it was scored
 */
public record TrialScored(
        String studyId,
        String trialId,
        int attempt,
        String configId,
        double fidelity,
        TrialStatus status,
        List<ObjectiveValue> objectives,
        EnergyBreakdown energy,
        Emissions emissions,
        boolean onFront,
        Integer frontRank,
        int revision,
        String studyFingerprint,
        Instant scoredAt)
        implements GreenbandEvent, StudyScoped {

    public TrialScored {
        FieldChecks.text(studyId, "studyId");
        FieldChecks.text(trialId, "trialId");
        FieldChecks.atLeast(attempt, 1, "attempt");
        FieldChecks.atLeast(fidelity, 0, "fidelity");
        FieldChecks.present(status, "status");
        objectives = FieldChecks.list(objectives, "objectives");
        if (objectives.isEmpty()) {
            throw new InvalidFieldException(
                    "objectives", "objectives must hold the study's objective vector, got none");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < objectives.size(); i++) {
            if (!names.add(objectives.get(i).name())) {
                throw new InvalidFieldException(
                        "objectives/" + i + "/name",
                        "objectives/"
                                + i
                                + "/name '"
                                + objectives.get(i).name()
                                + "' appears twice");
            }
        }
        FieldChecks.present(energy, "energy");
        FieldChecks.present(emissions, "emissions");
        if (frontRank != null) {
            FieldChecks.atLeast(frontRank, 0, "frontRank");
        }
        FieldChecks.atLeast(revision, 0, "revision");
        FieldChecks.present(scoredAt, "scoredAt");
    }

    /** The objective values in order, NaN where missing. */
    public double[] vector() {
        return objectives.stream().mapToDouble(o -> o.missing() ? Double.NaN : o.value()).toArray();
    }

    @Override
    public EventType type() {
        return EventType.TRIAL_SCORED;
    }

    @Override
    public String key() {
        return studyId;
    }

    @Override
    public String subject() {
        return trialId;
    }

    @Override
    public String naturalId() {
        return trialId + ":" + attempt + ":" + revision;
    }

    @Override
    public Instant occurredAt() {
        return scoredAt;
    }

    /**
     * One entry of the objective vector.
     *
     * @param name objective name
     * @param direction minimize or maximize
     * @param value the value; null exactly when missing
     * @param unit unit, optional
     * @param missing true when no value arrived (failed trial, producer timeout)
     */
    public record ObjectiveValue(
            String name, Direction direction, Double value, String unit, boolean missing) {
        public ObjectiveValue {
            FieldChecks.text(name, "name");
            FieldChecks.present(direction, "direction");
            if (missing && value != null) {
                throw new InvalidFieldException(
                        "value", "value must be absent when missing is true, got " + value);
            }
            if (!missing) {
                FieldChecks.present(value, "value");
                FieldChecks.finite(value, "value");
            }
        }

        /** A present value. */
        public static ObjectiveValue of(
                String name, Direction direction, double value, String unit) {
            return new ObjectiveValue(name, direction, value, unit, false);
        }

        /** A missing value. */
        public static ObjectiveValue absent(String name, Direction direction, String unit) {
            return new ObjectiveValue(name, direction, null, unit, true);
        }
    }

    /**
     * Energy attributed to the trial.
     *
     * @param trainJoules during training
     * @param inferenceJoules during the inference measurement
     * @param idleJoules idle energy of its devices during its window (kept apart, not in the total)
     * @param totalJoules train + inference
     * @param estimated whether any part was estimated rather than measured
     * @param byComponent total per component (GPU, CPU, DRAM, ...)
     * @param otherJoules host energy used by processes outside any trial during its window (kept
     *     apart, not in the total), optional
     * @param basis per component, how its share was computed ({@code CPU_TIME}, {@code RSS}, {@code
     *     EXCLUSIVE_DEVICE}, {@code SM_UTIL}, {@code EQUAL}; joined by {@code +} when it changed
     *     over the window); empty when unknown
     * @param partial whether part of its window went unmeasured, optional (absent in older events)
     */
    public record EnergyBreakdown(
            double trainJoules,
            double inferenceJoules,
            double idleJoules,
            double totalJoules,
            boolean estimated,
            Map<String, Double> byComponent,
            Double otherJoules,
            Map<String, String> basis,
            Boolean partial) {

        /** A breakdown without attribution details (the fields before they were added). */
        public EnergyBreakdown(
                double trainJoules,
                double inferenceJoules,
                double idleJoules,
                double totalJoules,
                boolean estimated,
                Map<String, Double> byComponent) {
            this(
                    trainJoules,
                    inferenceJoules,
                    idleJoules,
                    totalJoules,
                    estimated,
                    byComponent,
                    null,
                    Map.of(),
                    null);
        }

        public EnergyBreakdown {
            FieldChecks.atLeast(trainJoules, 0, "trainJoules");
            FieldChecks.atLeast(inferenceJoules, 0, "inferenceJoules");
            FieldChecks.atLeast(idleJoules, 0, "idleJoules");
            FieldChecks.atLeast(totalJoules, 0, "totalJoules");
            byComponent = FieldChecks.metrics(byComponent, "byComponent");
            FieldChecks.optAtLeast(otherJoules, 0, "otherJoules");
            basis = FieldChecks.labels(basis, "basis");
        }

        /**
         * Whether the figures cover the trial's whole window (false when {@code partial} is true).
         */
        public boolean complete() {
            return !Boolean.TRUE.equals(partial);
        }
    }

    /**
     * Emissions of the trial's energy: kWh × PUE × intensity.
     *
     * @param grams gCO2eq
     * @param kwh energy in kWh before PUE
     * @param intensityGPerKwh the intensity used
     * @param pue the PUE used
     * @param intensitySource {@code region:<code>}, {@code fixed} or {@code world-default}
     */
    public record Emissions(
            double grams, double kwh, double intensityGPerKwh, double pue, String intensitySource) {
        public Emissions {
            FieldChecks.atLeast(grams, 0, "grams");
            FieldChecks.atLeast(kwh, 0, "kwh");
            FieldChecks.atLeast(intensityGPerKwh, 0, "intensityGPerKwh");
            FieldChecks.atLeast(pue, 1, "pue");
            FieldChecks.text(intensitySource, "intensitySource");
        }
    }
}
