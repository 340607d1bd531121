package io.greenband.aggregator.core.export;

import io.greenband.aggregator.core.attribution.Component;
import io.greenband.aggregator.core.attribution.DeviceEnergy;
import io.greenband.aggregator.core.attribution.ShareBasis;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.emissions.Emissions;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One trial's line of the emissions export.
 *
 * @param studyId the study (written as project_name and experiment_id)
 * @param key the trial attempt (written as run_id)
 * @param end when the trial ended (written as timestamp, UTC)
 * @param durationSeconds the trial's duration
 * @param emissions its emissions
 * @param gpuCount GPUs it held
 * @param trackingMode {@code process} when every part of its energy was charged by its own use (CPU
 *     time, memory, its own or its processes' GPU share), {@code machine} when some host energy was
 *     shared by time among the trials running
 * @param machine what the trial's host is, when its energy monitor told it
 */
public record EmissionsRow(
        String studyId,
        TrialKey key,
        Instant end,
        double durationSeconds,
        Emissions emissions,
        int gpuCount,
        String trackingMode,
        Optional<MachineFacts> machine) {

    /** A row whose attribution is not known to be per process ({@code machine}). */
    public EmissionsRow(
            String studyId,
            TrialKey key,
            Instant end,
            double durationSeconds,
            Emissions emissions,
            int gpuCount) {
        this(studyId, key, end, durationSeconds, emissions, gpuCount, MACHINE);
    }

    /** A row without the host's facts. */
    public EmissionsRow(
            String studyId,
            TrialKey key,
            Instant end,
            double durationSeconds,
            Emissions emissions,
            int gpuCount,
            String trackingMode) {
        this(
                studyId,
                key,
                end,
                durationSeconds,
                emissions,
                gpuCount,
                trackingMode,
                Optional.empty());
    }

    /**
     * The row of a trial from its attributed energy (time range, GPUs held, tracking mode), its
     * emissions and its host's facts.
     */
    public static EmissionsRow of(
            String studyId,
            TrialEnergy energy,
            Emissions emissions,
            Optional<MachineFacts> machine) {
        int gpus =
                (int) energy.devices().stream().filter(d -> d.component() == Component.GPU).count();
        return new EmissionsRow(
                studyId,
                energy.key(),
                energy.to(),
                energy.durationSeconds(),
                emissions,
                gpus,
                trackingMode(energy),
                machine);
    }

    /** Tracking mode of energy charged by the trial's own use. */
    public static final String PROCESS = "process";

    /** Tracking mode of energy shared by time among the trials on the host. */
    public static final String MACHINE = "machine";

    /**
     * The tracking mode of a trial's energy: process unless some of it was split evenly among
     * trials.
     */
    public static String trackingMode(TrialEnergy energy) {
        boolean anyBasis = false;
        for (DeviceEnergy d : energy.devices()) {
            if (d.basis().contains(ShareBasis.EQUAL)) {
                return MACHINE;
            }
            anyBasis |= !d.basis().isEmpty();
        }
        return anyBasis ? PROCESS : MACHINE;
    }

    /** Checks the fields. */
    public EmissionsRow {
        Objects.requireNonNull(studyId, "studyId must not be null");
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(end, "end of trial " + key + " must not be null");
        Objects.requireNonNull(emissions, "emissions of trial " + key + " must not be null");
        machine = machine == null ? Optional.empty() : machine;
        if (!Double.isFinite(durationSeconds) || durationSeconds < 0) {
            throw new IllegalArgumentException(
                    "durationSeconds of trial "
                            + key
                            + " is "
                            + durationSeconds
                            + ": it must be >= 0");
        }
        if (!PROCESS.equals(trackingMode) && !MACHINE.equals(trackingMode)) {
            throw new IllegalArgumentException(
                    "trackingMode of trial "
                            + key
                            + " is '"
                            + trackingMode
                            + "': it must be process or machine");
        }
    }
}
