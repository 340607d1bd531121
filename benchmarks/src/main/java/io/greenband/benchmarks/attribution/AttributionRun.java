package io.greenband.benchmarks.attribution;

import io.greenband.aggregator.core.attribution.AttributionSettings;
import io.greenband.aggregator.core.attribution.DeviceEnergy;
import io.greenband.aggregator.core.attribution.EnergyLedger;
import io.greenband.aggregator.core.attribution.EnergySample;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.attribution.TrialWindow;
import io.greenband.aggregator.driver.EventMapping;
import io.greenband.energy.adapter.messaging.EnergySampleMapper;
import io.greenband.energy.node.NodeIdentity;
import io.greenband.energy.node.NodeSources;
import io.greenband.energy.sampler.DeviceWindow;
import io.greenband.energy.sampler.ExecutorTicker;
import io.greenband.energy.sampler.Sampler;
import io.greenband.energy.sampler.SamplerLoop;
import io.greenband.energy.usage.ProcessTable;
import io.greenband.energy.usage.UsageTracker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs one trial program as a child process under the energy monitor's sampler (this machine's
 * sources, process usage from {@code /proc}), optionally beside a foreign busy load, and attributes
 * the windows with the aggregator's ledger: by the trial's own use, or (the former rule) with the
 * usage dropped so host energy is shared by the trials running.
 */
final class AttributionRun {

    private static final String HOST = "bench";

    private final NodeSources.Settings settings;
    private final Duration tick;
    private final int ticksPerWindow;

    AttributionRun(NodeSources.Settings settings, Duration tick, int ticksPerWindow) {
        this.settings = settings;
        this.tick = tick;
        this.ticksPerWindow = ticksPerWindow;
    }

    /** Runs {@code trialCommand} once, beside {@code loadThreads} busy threads (0: alone). */
    Phase run(List<String> trialCommand, int loadThreads, boolean byUse)
            throws IOException, InterruptedException {
        List<DeviceWindow> windows = Collections.synchronizedList(new ArrayList<>());
        Sampler sampler =
                Sampler.builder()
                        .setSources(NodeSources.open(settings))
                        .optTickInterval(tick)
                        .optTicksPerWindow(ticksPerWindow)
                        .optSink(windows::addAll)
                        .optUsage(new UsageTracker(new ProcessTable(Path.of("/proc")), 256))
                        .build();
        Duration window = sampler.window();
        Process load = null;
        Instant start;
        Instant end;
        Process trial;
        List<String> output;
        try (SamplerLoop loop =
                new SamplerLoop(sampler, new ExecutorTicker("attribution-sampler"))) {
            loop.start();
            if (loadThreads > 0) {
                load =
                        new ProcessBuilder(
                                        java(
                                                BusyLoad.class.getName(),
                                                Integer.toString(loadThreads)))
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .start();
            }
            Thread.sleep(window.toMillis() * 2);
            start = Instant.now();
            trial = new ProcessBuilder(trialCommand).redirectErrorStream(true).start();
            output = lines(trial);
            int rc = trial.waitFor();
            end = Instant.now();
            if (rc != 0) {
                throw new IllegalStateException("trial program exited with " + rc + ": " + output);
            }
            Thread.sleep(window.toMillis() * 2);
        } finally {
            if (load != null) {
                load.destroyForcibly();
                load.waitFor();
            }
        }
        return attribute(windows, trial.pid(), start, end, byUse, cpuSeconds(output));
    }

    private Phase attribute(
            List<DeviceWindow> windows,
            long pid,
            Instant start,
            Instant end,
            boolean byUse,
            double cpuSeconds) {
        EnergySampleMapper mapper =
                new EnergySampleMapper(
                        new NodeIdentity(HOST, HOST),
                        io.greenband.energy.adapter.messaging.Incarnation.startingAt(start));
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        TrialKey key = new TrialKey("trial", 1);
        ledger.putTrial(
                TrialWindow.finished(key, HOST, Set.of(TrialWindow.CPU), Set.of(pid), start, end));
        double measured = 0;
        double idle = 0;
        for (DeviceWindow w : windows) {
            EnergySample s = EventMapping.sample(mapper.toEvent(w));
            if (!byUse) {
                s =
                        new EnergySample(
                                s.sampleId(),
                                s.host(),
                                s.device(),
                                s.component(),
                                s.windowStart(),
                                s.windowEnd(),
                                s.joules(),
                                s.utilizationPercent(),
                                s.processes(),
                                Optional.empty());
            }
            if (!s.windowEnd().isAfter(s.windowStart())) {
                continue;
            }
            ledger.addSample(s);
            double overlap = overlapSeconds(s.windowStart(), s.windowEnd(), start, end);
            double fraction =
                    overlap / (Duration.between(s.windowStart(), s.windowEnd()).toNanos() / 1e9);
            measured += s.joules() * fraction;
            if (byUse && s.usage().isPresent()) {
                idle += Math.min(s.joules(), s.usage().get().baselineJoules()) * fraction;
            }
        }
        TrialEnergy e = ledger.energyOf(key);
        Map<String, Double> byComponent = new TreeMap<>();
        Map<String, String> basis = new TreeMap<>();
        double other = 0;
        for (DeviceEnergy d : e.devices()) {
            String name = d.component().wireName() + ":" + d.device();
            byComponent.put(name, d.joules());
            basis.put(name, d.basisLabel());
            other += d.otherJoules();
        }
        return new Phase(
                e.totalJoules(),
                measured,
                other,
                idle,
                cpuSeconds,
                Duration.between(start, end).toNanos() / 1e9,
                byComponent,
                basis);
    }

    /** A child JVM running {@code mainClass} from this benchmark's class path. */
    static List<String> java(String mainClass, String... args) {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd =
                new ArrayList<>(
                        List.of(javaBin, "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static List<String> lines(Process p) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (out.size() < 200) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    private static double cpuSeconds(List<String> output) {
        for (String line : output) {
            if (line.startsWith("cpu_seconds=")) {
                return Double.parseDouble(line.substring("cpu_seconds=".length()));
            }
        }
        return -1;
    }

    private static double overlapSeconds(Instant a, Instant b, Instant from, Instant to) {
        Instant s = a.isAfter(from) ? a : from;
        Instant e = b.isBefore(to) ? b : to;
        return s.isBefore(e) ? Duration.between(s, e).toNanos() / 1e9 : 0;
    }
}
