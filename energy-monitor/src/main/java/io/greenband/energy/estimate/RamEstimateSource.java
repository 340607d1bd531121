package io.greenband.energy.estimate;

import io.greenband.energy.source.Component;
import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.EnergySource;
import io.greenband.energy.source.SourceKind;
import io.greenband.energy.source.SourceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The node's memory as one estimated device ({@code ram}) with constant power from its size; opened
 * only where RAPL has no DRAM zone. The size is read once from {@code /proc/meminfo}.
 */
public final class RamEstimateSource implements EnergySource {

    private static final System.Logger LOG = System.getLogger(RamEstimateSource.class.getName());

    /** The device id of the estimated memory. */
    public static final String DEVICE_ID = "ram";

    private final DeviceInfo device;
    private final double watts;
    private final SourceStatus status;

    /** An estimate of {@code watts} for memory described by {@code name}. */
    public RamEstimateSource(RamPowerModel model, double watts, String name) {
        if (!(watts > 0)) {
            throw new IllegalArgumentException("RAM estimate watts must be positive, was " + watts);
        }
        this.watts = watts;
        this.device =
                new DeviceInfo(
                        DEVICE_ID,
                        Component.RAM_EST,
                        SourceKind.ESTIMATE,
                        model.method(),
                        name,
                        -1,
                        OptionalDouble.empty(),
                        OptionalDouble.empty());
        this.status =
                new SourceStatus(
                        SourceKind.ESTIMATE,
                        true,
                        List.of(device),
                        "RAM estimate: " + model.method().label() + ", " + name);
        LOG.log(System.Logger.Level.INFO, status.detail() + "; numbers are labelled estimated");
    }

    /**
     * Builds the estimate from {@code meminfo}; returns empty (with a log line) when the size is
     * needed but unreadable.
     */
    public static Optional<RamEstimateSource> open(
            Path meminfo, RamPowerModel model, Optional<Double> fixedWatts, boolean arm) {
        if (model == RamPowerModel.FIXED) {
            double w =
                    fixedWatts.orElseThrow(
                            () ->
                                    new IllegalArgumentException(
                                            "greenband.energy.estimate.ram=fixed needs greenband.energy.estimate.ram-watts"));
            return Optional.of(new RamEstimateSource(model, w, "memory (" + w + " W configured)"));
        }
        double gb;
        try {
            gb = memTotalGb(Files.readAllLines(meminfo));
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "no RAM estimate: cannot read MemTotal from " + meminfo + ": " + e);
            return Optional.empty();
        }
        double w = model.watts(gb, arm, 0);
        return Optional.of(
                new RamEstimateSource(
                        model,
                        w,
                        String.format(java.util.Locale.ROOT, "memory %.1f GB (%.1f W)", gb, w)));
    }

    /** {@code MemTotal} of {@code /proc/meminfo} lines, in GB (GiB, as the kernel counts). */
    static double memTotalGb(List<String> lines) {
        return MemInfo.totalBytes(lines)
                        .orElseThrow(() -> new IllegalArgumentException("no MemTotal line"))
                / (1024.0 * 1024.0 * 1024.0);
    }

    @Override
    public SourceStatus status() {
        return status;
    }

    @Override
    public List<DeviceReading> read() {
        return List.of(DeviceReading.of(device, watts));
    }

    @Override
    public void close() {
        // Nothing held open.
    }
}
