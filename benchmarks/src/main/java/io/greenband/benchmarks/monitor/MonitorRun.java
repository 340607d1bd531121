package io.greenband.benchmarks.monitor;

import io.greenband.energy.estimate.CpuPowerModel;
import io.greenband.energy.estimate.RamPowerModel;
import io.greenband.energy.node.NodeSources;
import io.greenband.energy.rapl.RaplDomain;
import io.greenband.energy.sampler.CpuCost;
import io.greenband.energy.sampler.Sampler;
import io.greenband.energy.sampler.SamplerCpuProbe;
import io.greenband.energy.source.EnergySource;
import io.greenband.energy.source.SourceStatus;
import io.greenband.energy.usage.ProcessTable;
import io.greenband.energy.usage.UsageTracker;
import io.greenband.events.payload.HostUsage;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the energy-monitor's sampler on this machine's real sources, as the service opens them with
 * its default settings, and measures its CPU at each rate. No Kafka: windows go to an empty sink.
 */
public final class MonitorRun {

    private final NodeSources.Settings settings;

    /** A run on the given sources. */
    public MonitorRun(NodeSources.Settings settings) {
        this.settings = settings;
    }

    /**
     * The service's default sources (see the energy-monitor configuration), with NVML and RAPL
     * where given.
     */
    public static NodeSources.Settings defaultSettings(String nvmlLibrary, Path raplRoot) {
        return new NodeSources.Settings(
                true,
                nvmlLibrary,
                Duration.ofMillis(100),
                true,
                raplRoot,
                RaplDomain.parseSelection("package+dram"),
                Optional.of(CpuPowerModel.parse("cpu_time")),
                Optional.empty(),
                Path.of("/proc/stat"),
                Path.of("/proc/cpuinfo"),
                Optional.of(RamPowerModel.parse("dimm_model")),
                Optional.empty(),
                Path.of("/proc/meminfo"));
    }

    /** Opens the sources once to see what this machine has, and closes them again. */
    public List<SourceStatus> sources() {
        List<EnergySource> opened = NodeSources.open(settings);
        try {
            return opened.stream().map(EnergySource::status).toList();
        } finally {
            opened.forEach(EnergySource::close);
        }
    }

    /** Measures each rate in turn for {@code perRate}; each rate gets freshly opened sources. */
    public List<RateResult> measure(List<Double> ratesHz, Duration perRate) {
        List<RateResult> results = new ArrayList<>();
        for (double hz : ratesHz) {
            long processBefore = processCpuNanos();
            CpuCost cost = SamplerCpuProbe.measure(this::sampler, hz, perRate);
            long processAfter = processCpuNanos();
            long process =
                    processBefore < 0 || processAfter < 0 ? -1 : processAfter - processBefore;
            results.add(new RateResult(cost, process));
        }
        return List.copyOf(results);
    }

    private Sampler sampler(Duration interval) {
        // Process usage as the service reads it by default: one /proc scan per tick.
        return Sampler.builder()
                .setSources(NodeSources.open(settings))
                .optTickInterval(interval)
                .optUsage(new UsageTracker(new ProcessTable(Path.of("/proc")), HostUsage.MAX_TREES))
                .build();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
