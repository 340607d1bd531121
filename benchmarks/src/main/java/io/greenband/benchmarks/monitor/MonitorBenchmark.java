package io.greenband.benchmarks.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code monitor} subcommand: the sampler's CPU at 1 Hz and 10 Hz on this machine's sources.
 */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        description =
                "CPU used by the energy-monitor sampler at 1 Hz and 10 Hz with this machine's sources.")
public final class MonitorBenchmark implements Callable<Integer> {

    /** Seconds per rate for {@code --quick}. */
    static final int QUICK_SECONDS = 25;

    /** Seconds per rate for a full run. */
    static final int FULL_SECONDS = 180;

    @Option(
            names = "--quick",
            description =
                    "Run each rate " + QUICK_SECONDS + " s instead of " + FULL_SECONDS + " s.")
    boolean quick;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(
            names = "--seconds",
            paramLabel = "N",
            description = "Seconds per rate (overrides --quick).")
    Integer seconds;

    @Option(
            names = "--nvml-library",
            paramLabel = "LIB",
            defaultValue = "libnvidia-ml.so.1",
            description = "NVML soname or path (default: ${DEFAULT-VALUE}).")
    String nvmlLibrary;

    @Option(
            names = "--rapl-root",
            paramLabel = "DIR",
            defaultValue = "/sys/class/powercap",
            description = "Powercap root (default: ${DEFAULT-VALUE}).")
    Path raplRoot;

    @Override
    public Integer call() throws IOException {
        int perRate = seconds != null ? seconds : quick ? QUICK_SECONDS : FULL_SECONDS;
        if (perRate < 1) {
            throw new IllegalArgumentException("--seconds must be at least 1, was " + perRate);
        }
        MonitorRun run = new MonitorRun(MonitorRun.defaultSettings(nvmlLibrary, raplRoot));
        var sources = run.sources();
        var rates = run.measure(List.of(1.0, 10.0), Duration.ofSeconds(perRate));
        MonitorReport report =
                new MonitorReport(
                        seconds != null ? "custom" : quick ? "quick" : "full",
                        Duration.ofSeconds(perRate),
                        sources,
                        rates);
        System.out.print(report.table());
        if (json != null) {
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(json.toFile(), report.json());
            System.out.println("wrote " + json);
        }
        return 0;
    }
}
