package io.greenband.cli.train;

import io.greenband.energy.estimate.CpuInfo;
import io.greenband.energy.estimate.CpuPowerModel;
import io.greenband.energy.estimate.RamPowerModel;
import io.greenband.energy.estimate.Tdp;
import io.greenband.energy.estimate.TdpTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A training's energy charged as the energy monitor charges a trial where nothing measures power (its
 * {@code CPU_TIME+RSS} share): each CPU-second costs the CPU-time model's busy share of one logical CPU's TDP, and
 * memory the DIMM model's watts in proportion to the resident share of the machine's memory.
 *
 * @param tdp the machine's TDP as the monitor resolves it
 * @param logicalCpus logical CPUs
 * @param ramWatts the DIMM model's memory watts
 * @param memTotalBytes installed memory
 */
public record ProcessEnergy(Tdp tdp, int logicalCpus, double ramWatts, double memTotalBytes) {

    /** This machine's models, from {@code /proc/cpuinfo} and {@code /proc/meminfo}. */
    public static ProcessEnergy ofThisMachine() {
        Optional<CpuInfo> cpu;
        try {
            cpu = Optional.of(CpuInfo.parse(Files.readAllLines(Path.of("/proc/cpuinfo"))));
        } catch (IOException | RuntimeException e) {
            cpu = Optional.empty();
        }
        int logical = cpu.map(CpuInfo::logical).orElse(Runtime.getRuntime().availableProcessors());
        double bytes = meminfoTotal();
        return new ProcessEnergy(Tdp.resolve(Optional.empty(), cpu, TdpTable.bundled()), logical,
                RamPowerModel.DIMM_MODEL.watts(bytes / (1024.0 * 1024 * 1024), false, 0), bytes);
    }

    /** Joules per CPU-second. */
    public double joulesPerCpuSecond() {
        double busy = CpuPowerModel.CPU_TIME.watts(tdp.watts(), 1) - CpuPowerModel.CPU_TIME.watts(tdp.watts(), 0);
        return busy / logicalCpus;
    }

    /** Joules of a training that used {@code cpuSeconds} over {@code wallSeconds} holding {@code rssBytes}. */
    public double joules(double cpuSeconds, double wallSeconds, double rssBytes) {
        double ram = memTotalBytes > 0 ? ramWatts * Math.min(1, rssBytes / memTotalBytes) * wallSeconds : 0;
        return cpuSeconds * joulesPerCpuSecond() + ram;
    }

    /** Grams of CO2e of {@code joules} at {@code intensityGPerKwh}. */
    public static double emissions(double joules, double intensityGPerKwh) {
        return joules / 3.6e6 * intensityGPerKwh;
    }

    private static double meminfoTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
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
