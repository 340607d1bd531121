package io.greenband.energy.node;

import io.greenband.energy.estimate.CpuEstimateSource;
import io.greenband.energy.estimate.CpuPowerModel;
import io.greenband.energy.estimate.RamEstimateSource;
import io.greenband.energy.estimate.RamPowerModel;
import io.greenband.energy.nvml.NvmlSource;
import io.greenband.energy.rapl.RaplDomain;
import io.greenband.energy.rapl.RaplSource;
import io.greenband.energy.source.EnergySource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opens the sources of a node: NVML for GPUs, RAPL for CPU packages and DRAM, the CPU estimate only
 * when RAPL gives no CPU reading and the RAM estimate only when it gives no DRAM reading, so
 * nothing is counted twice. Never throws for missing hardware.
 */
public final class NodeSources {

    /**
     * What to open.
     *
     * @param nvmlEnabled whether to try NVML at all
     * @param nvmlLibrary soname or path of the NVML library
     * @param nvmlPowerPoll power poll period for GPUs without an energy counter (zero: tick rate
     *     only)
     * @param raplEnabled whether to try RAPL at all
     * @param raplRoot powercap root
     * @param raplDomains RAPL domains to read
     * @param cpuEstimate the model for the CPU estimate, empty to never estimate
     * @param cpuTdpWatts configured whole-machine TDP, overriding the table
     * @param ramEstimate the model for the RAM estimate, empty to never estimate memory
     * @param ramWatts configured memory power, for the fixed model
     * @param meminfo path of {@code /proc/meminfo}
     * @param procStat path of {@code /proc/stat}
     * @param cpuinfo path of {@code /proc/cpuinfo}
     */
    public record Settings(
            boolean nvmlEnabled,
            String nvmlLibrary,
            Duration nvmlPowerPoll,
            boolean raplEnabled,
            Path raplRoot,
            Set<RaplDomain> raplDomains,
            Optional<CpuPowerModel> cpuEstimate,
            Optional<Double> cpuTdpWatts,
            Path procStat,
            Path cpuinfo,
            Optional<RamPowerModel> ramEstimate,
            Optional<Double> ramWatts,
            Path meminfo) {
        public Settings {
            raplDomains = Set.copyOf(raplDomains);
        }
    }

    private NodeSources() {}

    /** Opens every source the settings ask for, in sampling order: GPUs, RAPL, estimate. */
    public static List<EnergySource> open(Settings s) {
        List<EnergySource> sources = new ArrayList<>();
        if (s.nvmlEnabled()) {
            sources.add(NvmlSource.open(s.nvmlLibrary(), System::nanoTime, s.nvmlPowerPoll()));
        }
        boolean cpuMeasured = false;
        boolean dramMeasured = false;
        if (s.raplEnabled()) {
            RaplSource rapl = RaplSource.open(s.raplRoot(), s.raplDomains());
            sources.add(rapl);
            cpuMeasured = rapl.coversCpu();
            dramMeasured = rapl.coversDram();
        }
        if (!cpuMeasured && s.cpuEstimate().isPresent()) {
            sources.add(
                    CpuEstimateSource.open(
                            s.procStat(), s.cpuinfo(), s.cpuEstimate().get(), s.cpuTdpWatts()));
        }
        if (!dramMeasured && s.ramEstimate().isPresent()) {
            boolean arm =
                    System.getProperty("os.arch", "").startsWith("aarch64")
                            || System.getProperty("os.arch", "").startsWith("arm");
            RamEstimateSource.open(s.meminfo(), s.ramEstimate().get(), s.ramWatts(), arm)
                    .ifPresent(sources::add);
        }
        return List.copyOf(sources);
    }
}
