package io.greenband.energy.estimate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Energy of one process's own use where nothing measures power, charged as the aggregator charges a
 * trial from the monitor's estimates (basis {@code CPU_TIME+RSS}): each CPU-second costs the
 * CPU-time model's busy share of one logical CPU's TDP, and memory the DIMM model's watts in
 * proportion to the resident share of the machine's memory. The one home of this arithmetic for
 * tools that run work in their own process (the command line's {@code train} and {@code evaluate},
 * the benchmarks).
 *
 * @param tdp the machine's TDP as the monitor resolves it
 * @param logicalCpus logical CPUs, at least 1
 * @param ramWatts the DIMM model's memory watts
 * @param memTotalBytes installed memory, 0 when unknown (then memory costs nothing)
 */
public record ProcessEnergyModel(Tdp tdp, int logicalCpus, double ramWatts, double memTotalBytes) {

    public ProcessEnergyModel {
        if (tdp == null) {
            throw new IllegalArgumentException("tdp is required");
        }
        if (logicalCpus < 1) {
            throw new IllegalArgumentException(
                    "logicalCpus must be at least 1, was " + logicalCpus);
        }
        if (!(ramWatts >= 0) || !(memTotalBytes >= 0)) {
            throw new IllegalArgumentException(
                    "ramWatts and memTotalBytes must be >= 0, were "
                            + ramWatts
                            + " and "
                            + memTotalBytes);
        }
    }

    /** This machine's model, from {@code /proc/cpuinfo} and {@code /proc/meminfo}. */
    public static ProcessEnergyModel ofThisMachine() {
        return of(Path.of("/proc/cpuinfo"), Path.of("/proc/meminfo"));
    }

    /**
     * The model of the machine these files describe; the JVM's processor count where cpuinfo is
     * unreadable.
     */
    public static ProcessEnergyModel of(Path cpuinfo, Path meminfo) {
        Optional<CpuInfo> cpu;
        try {
            cpu = Optional.of(CpuInfo.parse(Files.readAllLines(cpuinfo)));
        } catch (IOException | RuntimeException e) {
            cpu = Optional.empty();
        }
        int logical = cpu.map(CpuInfo::logical).orElse(Runtime.getRuntime().availableProcessors());
        double bytes = MemInfo.totalBytes(meminfo).orElse(0);
        return new ProcessEnergyModel(
                Tdp.resolve(Optional.empty(), cpu, TdpTable.bundled()),
                logical,
                RamPowerModel.DIMM_MODEL.watts(bytes / (1024.0 * 1024 * 1024), false, 0),
                bytes);
    }

    /** Joules per CPU-second: the CPU-time model's busy share of one logical CPU's TDP. */
    public double joulesPerCpuSecond() {
        double busy =
                CpuPowerModel.CPU_TIME.watts(tdp.watts(), 1)
                        - CpuPowerModel.CPU_TIME.watts(tdp.watts(), 0);
        return busy / logicalCpus;
    }

    /**
     * Joules of {@code cpuSeconds} of CPU time over {@code wallSeconds} holding {@code rssBytes}.
     */
    public double joules(double cpuSeconds, double wallSeconds, double rssBytes) {
        double ram =
                memTotalBytes > 0
                        ? ramWatts * Math.min(1, rssBytes / memTotalBytes) * wallSeconds
                        : 0;
        return cpuSeconds * joulesPerCpuSecond() + ram;
    }

    /** Grams of CO2e of {@code joules} at {@code intensityGPerKwh}. */
    public static double grams(double joules, double intensityGPerKwh) {
        return joules / 3.6e6 * intensityGPerKwh;
    }
}
