package io.greenband.benchmarks.monitor;

import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.SourceStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the monitor benchmark found: the sources it sampled and the CPU per rate, as a table and as
 * the JSON document written by {@code --json} (key {@code cpu_percent_of_core}: sampling-thread CPU
 * per rate).
 *
 * @param mode {@code quick} or {@code full}
 * @param perRate how long each rate ran
 * @param sources the sources as opened on this machine
 * @param rates the measured rates, in run order
 */
public record MonitorReport(
        String mode, Duration perRate, List<SourceStatus> sources, List<RateResult> rates) {

    /** The target: at most this share of one core at 1 Hz, in percent. */
    public static final double TARGET_1HZ_PERCENT = 1.0;

    public MonitorReport {
        sources = List.copyOf(sources);
        rates = List.copyOf(rates);
    }

    /** Whether the 1 Hz rate was measured and stayed within {@link #TARGET_1HZ_PERCENT}. */
    public boolean meetsTarget() {
        return rates.stream()
                .filter(r -> r.key().equals("1hz"))
                .anyMatch(r -> r.samplerPercentOfCore() <= TARGET_1HZ_PERCENT);
    }

    /** The printed table. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "monitor benchmark (%s, %d s per rate, %d logical CPUs)%n",
                        mode,
                        perRate.toSeconds(),
                        Runtime.getRuntime().availableProcessors()));
        for (SourceStatus s : sources) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "  source %-8s %-11s %s%n",
                            s.source().label(),
                            s.available() ? "available" : "unavailable",
                            s.available() ? devices(s) : s.detail()));
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "%-6s %7s %8s %10s %10s %12s %12s%n",
                        "rate",
                        "ticks",
                        "wall s",
                        "tick CPU ms",
                        "us/tick",
                        "% core tick",
                        "% core JVM"));
        for (RateResult r : rates) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "%-6s %7d %8.1f %10.1f %10.1f %12.3f %12s%n",
                            r.key(),
                            r.cost().ticks(),
                            r.cost().wallNanos() / 1e9,
                            r.cost().cpuNanos() / 1e6,
                            r.cost().cpuMicrosPerTick(),
                            r.samplerPercentOfCore(),
                            r.processPercentOfCore() < 0
                                    ? "n/a"
                                    : String.format(
                                            Locale.ROOT, "%.3f", r.processPercentOfCore())));
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "target at 1 Hz: <= %.1f %% of a core (tick CPU): %s%n",
                        TARGET_1HZ_PERCENT,
                        meetsTarget() ? "met" : "NOT met"));
        return out.toString();
    }

    /** The JSON document, as ordered maps and lists. */
    public Map<String, Object> json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "monitor");
        doc.put("mode", mode);
        doc.put("seconds_per_rate", perRate.toSeconds());
        doc.put("available_processors", Runtime.getRuntime().availableProcessors());
        doc.put("sources", sources.stream().map(MonitorReport::sourceJson).toList());
        Map<String, Object> cpu = new LinkedHashMap<>();
        Map<String, Object> process = new LinkedHashMap<>();
        Map<String, Object> detail = new LinkedHashMap<>();
        for (RateResult r : rates) {
            cpu.put(r.key(), r.samplerPercentOfCore());
            process.put(r.key(), r.processPercentOfCore() < 0 ? null : r.processPercentOfCore());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("ticks", r.cost().ticks());
            d.put("wall_seconds", r.cost().wallNanos() / 1e9);
            d.put("tick_cpu_ms", r.cost().cpuNanos() / 1e6);
            d.put("cpu_us_per_tick", r.cost().cpuMicrosPerTick());
            detail.put(r.key(), d);
        }
        doc.put("cpu_percent_of_core", cpu);
        doc.put("process_cpu_percent_of_core", process);
        doc.put("rates", detail);
        doc.put("target_1hz_percent_of_core", TARGET_1HZ_PERCENT);
        doc.put("meets_target", meetsTarget());
        return doc;
    }

    private static Map<String, Object> sourceJson(SourceStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", s.source().label());
        m.put("available", s.available());
        m.put("devices", s.devices().stream().map(d -> d.id() + " (" + d.method() + ")").toList());
        m.put("detail", s.detail());
        return m;
    }

    private static String devices(SourceStatus s) {
        return String.join(", ", s.devices().stream().map(DeviceInfo::id).toList())
                + (s.detail().isEmpty() ? "" : " [" + s.detail() + "]");
    }
}
