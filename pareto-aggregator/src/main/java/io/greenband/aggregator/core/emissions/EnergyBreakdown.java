package io.greenband.aggregator.core.emissions;

import io.greenband.aggregator.core.attribution.DeviceEnergy;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import java.util.Locale;

/**
 * IT energy in joules by the three groups CodeCarbon reports (GPU, CPU, RAM). The RAPL platform
 * zone counts as CPU. Estimated host energy goes to RAM when its device name says memory ({@code
 * ram}, {@code dram}, {@code mem}), to CPU otherwise.
 *
 * @param gpuJoules GPU energy
 * @param cpuJoules CPU energy
 * @param ramJoules memory energy
 */
public record EnergyBreakdown(double gpuJoules, double cpuJoules, double ramJoules) {

    /** Checks the values. */
    public EnergyBreakdown {
        check("gpuJoules", gpuJoules);
        check("cpuJoules", cpuJoules);
        check("ramJoules", ramJoules);
    }

    private static void check(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(
                    field + " is " + value + ": energy must be finite and >= 0");
        }
    }

    /** Groups a trial's attributed energy. */
    public static EnergyBreakdown of(TrialEnergy energy) {
        double gpu = 0;
        double cpu = 0;
        double ram = 0;
        for (DeviceEnergy d : energy.devices()) {
            switch (d.component()) {
                case GPU -> gpu += d.joules();
                case CPU_PACKAGE, PSYS -> cpu += d.joules();
                case DRAM -> ram += d.joules();
                case ESTIMATED -> {
                    String name = d.device().toLowerCase(Locale.ROOT);
                    if (name.contains("ram") || name.contains("mem")) {
                        ram += d.joules();
                    } else {
                        cpu += d.joules();
                    }
                }
                default ->
                        throw new IllegalStateException(
                                "component " + d.component() + " has no group");
            }
        }
        return new EnergyBreakdown(gpu, cpu, ram);
    }

    /** Total joules. */
    public double totalJoules() {
        return gpuJoules + cpuJoules + ramJoules;
    }
}
