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
import java.util.Set;

/**
 * The whole machine's CPU as one estimated device ({@code cpu}): each read turns the {@code
 * /proc/stat} load since the previous read into mean power with a {@link CpuPowerModel}. The first
 * read uses the load since boot, which the sampler only takes as its baseline.
 */
public final class CpuEstimateSource implements EnergySource {

    private static final System.Logger LOG = System.getLogger(CpuEstimateSource.class.getName());

    /** The device id of the estimated CPU. */
    public static final String DEVICE_ID = "cpu";

    private final Path procStat;
    private final CpuPowerModel model;
    private final Tdp tdp;
    private final DeviceInfo device;
    private final SourceStatus status;
    private CpuTimes previous;
    private boolean warned;

    /**
     * An estimator reading {@code procStat} (normally {@code /proc/stat}).
     *
     * @param modelName the CPU model, for the device name
     */
    public CpuEstimateSource(Path procStat, CpuPowerModel model, Tdp tdp, String modelName) {
        this.procStat = procStat;
        this.model = model;
        this.tdp = tdp;
        String name =
                (modelName == null || modelName.isBlank() ? "CPU" : modelName)
                        + " (TDP "
                        + Math.round(tdp.watts())
                        + " W, "
                        + tdp.basis()
                        + ")";
        this.device =
                new DeviceInfo(
                        DEVICE_ID,
                        Component.CPU,
                        SourceKind.ESTIMATE,
                        model.method(),
                        name,
                        -1,
                        OptionalDouble.of(tdp.watts()),
                        OptionalDouble.empty());
        this.status =
                new SourceStatus(
                        SourceKind.ESTIMATE,
                        true,
                        List.of(device),
                        "CPU estimate: "
                                + model.method().label()
                                + ", "
                                + name
                                + " from "
                                + procStat);
        LOG.log(System.Logger.Level.INFO, status.detail() + "; numbers are labelled estimated");
    }

    /**
     * Builds the estimator from {@code /proc}-style files, the bundled TDP table and an optional
     * TDP.
     */
    public static CpuEstimateSource open(
            Path procStat, Path cpuinfo, CpuPowerModel model, Optional<Double> configuredTdpWatts) {
        Optional<CpuInfo> info;
        try {
            info = Optional.of(CpuInfo.parse(Files.readAllLines(cpuinfo)));
        } catch (IOException | RuntimeException e) {
            info = Optional.empty();
        }
        Tdp tdp = Tdp.resolve(configuredTdpWatts, info, TdpTable.bundled());
        return new CpuEstimateSource(procStat, model, tdp, info.map(CpuInfo::modelName).orElse(""));
    }

    /** The TDP the estimate scales. */
    public Tdp tdp() {
        return tdp;
    }

    @Override
    public SourceStatus status() {
        return status;
    }

    @Override
    public List<DeviceReading> read() {
        CpuTimes now;
        try {
            now = CpuTimes.parse(Files.readAllLines(procStat));
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.log(
                        System.Logger.Level.WARNING,
                        "cannot read CPU load from " + procStat + ": " + e + " (reported once)");
            }
            return List.of(DeviceReading.missing(device, Set.of()));
        }
        double u = previous == null ? now.utilizationSinceBoot() : now.utilizationSince(previous);
        previous = now;
        return List.of(
                DeviceReading.of(device, model.watts(tdp.watts(), u))
                        .withUtilization(OptionalDouble.of(u * 100.0)));
    }

    @Override
    public void close() {
        // Nothing held open.
    }
}
