package io.greenband.energy.node;

import io.greenband.energy.estimate.CpuInfo;
import io.greenband.energy.estimate.MemInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What this machine is, for emissions reports: operating system, CPU model and logical CPUs,
 * installed memory, the GPUs its sources found, and where it runs as configured. Read once at
 * startup; GPUs are added as NVML reports them.
 *
 * @param os operating system name and kernel version, with the distribution's name where known
 * @param cpuModel the CPU model name, empty when the kernel does not say
 * @param cpuCount logical CPUs, empty when unknown
 * @param memTotalBytes installed memory, empty when unknown
 * @param gpuModels model name of each GPU found, in index order
 * @param country ISO 3166-1 country code where the machine runs, as configured
 * @param region region within the country, as configured
 */
public record MachineFacts(
        String os,
        String cpuModel,
        OptionalInt cpuCount,
        OptionalLong memTotalBytes,
        List<String> gpuModels,
        Optional<String> country,
        Optional<String> region) {

    public MachineFacts {
        os = Objects.requireNonNullElse(os, "");
        cpuModel = Objects.requireNonNullElse(cpuModel, "");
        Objects.requireNonNull(cpuCount, "cpuCount");
        Objects.requireNonNull(memTotalBytes, "memTotalBytes");
        gpuModels = List.copyOf(gpuModels);
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(region, "region");
    }

    /**
     * Reads the machine: {@code os.name} and {@code os.version} with {@code PRETTY_NAME} of {@code
     * osRelease} (in a container the image's distribution on the host's kernel), {@code
     * /proc/cpuinfo}, {@code /proc/meminfo}. Whatever is unreadable stays unknown.
     */
    public static MachineFacts read(
            Path cpuinfo,
            Path meminfo,
            Path osRelease,
            Optional<String> country,
            Optional<String> region) {
        String os =
                (System.getProperty("os.name", "") + " " + System.getProperty("os.version", ""))
                        .strip();
        Optional<String> pretty = prettyName(osRelease);
        if (pretty.isPresent()) {
            os = os.isEmpty() ? pretty.get() : os + " (" + pretty.get() + ")";
        }
        String model = "";
        OptionalInt cpus = OptionalInt.empty();
        try {
            CpuInfo cpu = CpuInfo.parse(Files.readAllLines(cpuinfo));
            model = cpu.modelName();
            cpus = OptionalInt.of(cpu.logical());
        } catch (IOException | RuntimeException e) {
            cpus = OptionalInt.of(Runtime.getRuntime().availableProcessors());
        }
        return new MachineFacts(
                os,
                model,
                cpus,
                MemInfo.totalBytes(meminfo),
                List.of(),
                country.map(String::strip).filter(s -> !s.isEmpty()),
                region.map(String::strip).filter(s -> !s.isEmpty()));
    }

    /** These facts with the GPUs found. */
    public MachineFacts withGpus(List<String> models) {
        return new MachineFacts(os, cpuModel, cpuCount, memTotalBytes, models, country, region);
    }

    /**
     * The GPUs' model as one text: the name when all are alike, else each distinct name with its
     * count ({@code 2 x A, 1 x B}); empty without GPUs.
     */
    public String gpuModel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String m : gpuModels) {
            counts.merge(m.isBlank() ? "unknown GPU" : m.strip(), 1, Integer::sum);
        }
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((m, n) -> parts.add(n + " x " + m));
        return String.join(", ", parts);
    }

    /** {@code PRETTY_NAME} of an os-release file, unquoted. */
    static Optional<String> prettyName(Path osRelease) {
        try {
            for (String line : Files.readAllLines(osRelease)) {
                if (line.startsWith("PRETTY_NAME=")) {
                    String v = line.substring("PRETTY_NAME=".length()).strip();
                    if (v.length() >= 2
                            && (v.startsWith("\"") && v.endsWith("\"")
                                    || v.startsWith("'") && v.endsWith("'"))) {
                        v = v.substring(1, v.length() - 1);
                    }
                    return v.isBlank() ? Optional.empty() : Optional.of(v.strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
