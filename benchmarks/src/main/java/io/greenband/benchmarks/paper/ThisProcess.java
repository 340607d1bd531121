package io.greenband.benchmarks.paper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this process used so far, the inputs of its {@code ProcessEnergyModel} charge. */
final class ThisProcess {

    private ThisProcess() {}

    /** CPU time of this process so far, in seconds (every thread: training, GC, data loading). */
    static double cpuSeconds() {
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
}
