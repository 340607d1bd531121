package io.greenband.benchmarks.paper;

import io.greenband.energy.estimate.CpuInfo;
import io.greenband.energy.estimate.CpuPowerModel;
import io.greenband.energy.estimate.RamPowerModel;
import io.greenband.energy.estimate.Tdp;
import io.greenband.energy.estimate.TdpTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Energy of work done in this process, charged as the energy monitor charges a trial on a machine without RAPL
 * (method {@code CPU_TIME+RSS}): each CPU-second of the process costs the CPU-time model's busy share of one
 * logical CPU's TDP, and memory costs the DIMM model's watts in proportion to the process's resident share.
 *
 * @param tdp the machine's TDP as the monitor resolves it (bundled table, else 4 W per logical CPU)
 * @param logicalCpus logical CPUs
 * @param ramWatts the DIMM model's memory watts
 * @param memTotalBytes installed memory
 */
record TrialEnergy(Tdp tdp, int logicalCpus, double ramWatts, double memTotalBytes) {

    /** The estimate of this machine, from {@code /proc/cpuinfo} and {@code /proc/meminfo}. */
    static TrialEnergy ofThisMachine() {
        Optional<CpuInfo> cpu;
        try {
            cpu = Optional.of(CpuInfo.parse(Files.readAllLines(Path.of("/proc/cpuinfo"))));
        } catch (IOException | RuntimeException e) {
            cpu = Optional.empty();
        }
        Tdp tdp = Tdp.resolve(Optional.empty(), cpu, TdpTable.bundled());
        int logical = cpu.map(CpuInfo::logical).orElse(Runtime.getRuntime().availableProcessors());
        double memBytes = readMemTotalBytes();
        double gb = memBytes / (1024.0 * 1024 * 1024);
        return new TrialEnergy(tdp, logical, RamPowerModel.DIMM_MODEL.watts(gb, false, 0), memBytes);
    }

    /** Joules per CPU-second: the CPU-time model's busy share of one logical CPU's TDP. */
    double joulesPerCpuSecond() {
        double busy = CpuPowerModel.CPU_TIME.watts(tdp.watts(), 1.0) - CpuPowerModel.CPU_TIME.watts(tdp.watts(), 0.0);
        return busy / logicalCpus;
    }

    /** Joules of {@code cpuSeconds} of this process over {@code wallSeconds} holding {@code rssBytes}. */
    double joules(double cpuSeconds, double wallSeconds, double rssBytes) {
        double ram = memTotalBytes > 0 ? ramWatts * Math.min(1.0, rssBytes / memTotalBytes) * wallSeconds : 0;
        return cpuSeconds * joulesPerCpuSecond() + ram;
    }

    /** CPU time of this process so far, in seconds (every thread: training, GC, data loading). */
    static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        throw new IllegalStateException("this JVM does not report its process CPU time");
    }

    /** Resident set size of this process in bytes ({@code VmRSS}), 0 when unknown. */
    static double residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static double readMemTotalBytes() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
            for (String line : lines) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
