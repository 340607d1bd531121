package io.greenband.energy.estimate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code /proc/cpuinfo} says about the machine.
 *
 * @param modelName first {@code model name} (empty when absent, e.g. on some ARM kernels)
 * @param sockets distinct {@code physical id} values, at least 1
 * @param logical number of {@code processor} entries, at least 1
 */
public record CpuInfo(String modelName, int sockets, int logical) {

    /** Parses the lines of {@code /proc/cpuinfo}. */
    public static CpuInfo parse(List<String> lines) {
        String model = "";
        Set<String> physical = new HashSet<>();
        int logical = 0;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "processor" -> logical++;
                case "model name" -> model = model.isEmpty() ? value : model;
                case "physical id" -> physical.add(value);
                default -> {}
            }
        }
        return new CpuInfo(model, Math.max(1, physical.size()), Math.max(1, logical));
    }
}
