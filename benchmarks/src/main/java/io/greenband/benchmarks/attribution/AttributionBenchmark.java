package io.greenband.benchmarks.attribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.greenband.energy.estimate.CpuPowerModel;
import io.greenband.energy.estimate.RamPowerModel;
import io.greenband.energy.node.NodeSources;
import io.greenband.energy.rapl.RaplDomain;
import io.greenband.energy.source.EnergySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attribution}: the same fixed-work trial (a command-backend style program, and a small DSNN
 * trial) run alone and then beside a foreign load of as many busy threads as cores; reports the
 * joules charged to it in both runs and their ratio ({@code load_ratio}, goal at most {@value
 * #GOAL}), and the share of the host's energy left as other. Rule {@code new} splits host energy by
 * the trial's own CPU time and memory (CPU estimate {@code cpu_time}); {@code old} is the former
 * rule, host energy shared by the trials running, with the former estimate ({@code cpu_load}).
 */
@Command(
        name = "attribution",
        mixinStandardHelpOptions = true,
        description = "Energy charged to a fixed-work trial alone vs beside a foreign CPU load.")
public final class AttributionBenchmark implements Callable<Integer> {

    /** Goal for the loaded/alone ratio on the new rule. */
    static final double GOAL = 1.15;

    @Option(names = "--quick", description = "About 5 s of work per trial instead of 20 s.")
    boolean quick;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(
            names = "--rule",
            defaultValue = "both",
            description = "new, old or both (default: ${DEFAULT-VALUE}).")
    String rule;

    @Option(
            names = "--workloads",
            defaultValue = "command,dsnn,dsnn-1t",
            split = ",",
            description =
                    "command, dsnn (PyTorch's default threads, OpenMP waiting passively as in the trainer),"
                            + " dsnn-spin (the same with OpenMP's default spin-waiting) and/or dsnn-1t (one intra-op thread)"
                            + " (default: ${DEFAULT-VALUE}).")
    List<String> workloads;

    @Option(
            names = "--load-threads",
            description = "Busy threads of the foreign load (default: the CPU count).")
    Integer loadThreads;

    @Option(
            names = "--dsnn-steps",
            description = "SGD steps of the DSNN trial (default: 6 quick, 20 full).")
    Integer dsnnSteps;

    @Option(
            names = "--rapl-root",
            defaultValue = "/sys/class/powercap",
            description = "Powercap root.")
    Path raplRoot;

    @Override
    public Integer call() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = loadThreads != null ? loadThreads : cores;
        List<String> rules =
                switch (rule.toLowerCase(Locale.ROOT)) {
                    case "both" -> List.of("new", "old");
                    case "new", "old" -> List.of(rule.toLowerCase(Locale.ROOT));
                    default ->
                            throw new IllegalArgumentException(
                                    "--rule must be new, old or both, was " + rule);
                };
        long rounds = calibrate(quick ? 5 : 20);
        int steps = dsnnSteps != null ? dsnnSteps : quick ? 6 : 20;
        Map<String, List<String>> commands = new LinkedHashMap<>();
        for (String w : workloads) {
            switch (w.strip()) {
                case "command" ->
                        commands.put(
                                "command",
                                AttributionRun.java(
                                        FixedWork.class.getName(), Long.toString(rounds)));
                case "dsnn" -> {
                    // As the trainer runs it (its image and the local launcher): OpenMP threads
                    // sleep at barriers.
                    List<String> cmd = new ArrayList<>(List.of("env", "OMP_WAIT_POLICY=PASSIVE"));
                    cmd.addAll(
                            AttributionRun.java(
                                    "io.greenband.benchmarks.DsnnWork",
                                    Integer.toString(steps),
                                    "16"));
                    commands.put("dsnn", cmd);
                }
                case "dsnn-spin" ->
                        commands.put(
                                "dsnn-spin",
                                AttributionRun.java(
                                        "io.greenband.benchmarks.DsnnWork",
                                        Integer.toString(steps),
                                        "16"));
                case "dsnn-1t" -> {
                    // One intra-op thread: no OpenMP threads spin-waiting for a core the load
                    // holds.
                    List<String> cmd = new ArrayList<>(List.of("env", "OMP_NUM_THREADS=1"));
                    cmd.addAll(
                            AttributionRun.java(
                                    "io.greenband.benchmarks.DsnnWork",
                                    Integer.toString(steps),
                                    "16"));
                    cmd.add(3, "-Dai.djl.pytorch.num_threads=1");
                    commands.put("dsnn-1t", cmd);
                }
                default ->
                        throw new IllegalArgumentException(
                                "unknown workload '"
                                        + w
                                        + "': use command, dsnn, dsnn-spin or dsnn-1t");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "attribution");
        out.put("mode", quick ? "quick" : "full");
        out.put("cores", cores);
        out.put("load_threads", threads);
        out.put("command_rounds", rounds);
        out.put("dsnn_steps", steps);
        out.put("loadavg_start", loadavg());
        System.out.printf(
                "attribution benchmark: %d cores, foreign load %d busy threads, %s%n",
                cores, threads, quick ? "quick" : "full");
        System.out.printf(
                "%-4s %-8s %10s %10s %8s %9s %9s %8s %8s %s%n",
                "rule",
                "workload",
                "alone J",
                "loaded J",
                "ratio",
                "other% a",
                "other% l",
                "cpu s a",
                "cpu s l",
                "basis (loaded)");
        Map<String, Object> byRule = new LinkedHashMap<>();
        for (String r : rules) {
            boolean byUse = r.equals("new");
            AttributionRun run =
                    new AttributionRun(
                            settings(byUse ? CpuPowerModel.CPU_TIME : CpuPowerModel.CPU_LOAD),
                            Duration.ofMillis(500),
                            2);
            if (byUse) {
                out.put("sources", sources(settings(CpuPowerModel.CPU_TIME)));
            }
            Map<String, Object> perWorkload = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                Phase alone = run.run(c.getValue(), 0, byUse);
                Phase loaded = run.run(c.getValue(), threads, byUse);
                double ratio =
                        alone.attributedJoules() > 0
                                ? loaded.attributedJoules() / alone.attributedJoules()
                                : -1;
                System.out.printf(
                        "%-4s %-8s %10.1f %10.1f %8.3f %8.1f%% %8.1f%% %8.2f %8.2f %s%n",
                        r,
                        c.getKey(),
                        alone.attributedJoules(),
                        loaded.attributedJoules(),
                        ratio,
                        100 * alone.otherShare(),
                        100 * loaded.otherShare(),
                        alone.trialCpuSeconds(),
                        loaded.trialCpuSeconds(),
                        loaded.basis());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("load_ratio", round(ratio));
                m.put("alone", phase(alone));
                m.put("loaded", phase(loaded));
                perWorkload.put(c.getKey(), m);
            }
            byRule.put(r, Map.of("workloads", perWorkload));
        }
        out.put("rules", byRule);
        out.put("loadavg_end", loadavg());
        boolean met = true;
        if (byRule.containsKey("new")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> w =
                    (Map<String, Object>)
                            ((Map<String, Object>) byRule.get("new")).get("workloads");
            out.put("workloads", w);
            for (Object v : w.values()) {
                double ratio = (Double) ((Map<?, ?>) v).get("load_ratio");
                met &= ratio > 0 && ratio <= GOAL;
            }
            out.put("goal", Map.of("load_ratio_max", GOAL, "met", met));
            System.out.printf(
                    "new rule: load_ratio <= %.2f for every workload: %s%n",
                    GOAL, met ? "met" : "NOT met");
        }
        if (json != null) {
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(json.toFile(), out);
            System.out.println("wrote " + json);
        }
        return 0;
    }

    private NodeSources.Settings settings(CpuPowerModel cpu) {
        return new NodeSources.Settings(
                false,
                "libnvidia-ml.so.1",
                Duration.ofMillis(100),
                true,
                raplRoot,
                RaplDomain.parseSelection("package+dram"),
                Optional.of(cpu),
                Optional.empty(),
                Path.of("/proc/stat"),
                Path.of("/proc/cpuinfo"),
                Optional.of(RamPowerModel.parse("dimm_model")),
                Optional.empty(),
                Path.of("/proc/meminfo"));
    }

    private static List<String> sources(NodeSources.Settings s) {
        List<EnergySource> opened = NodeSources.open(s);
        try {
            List<String> out = new ArrayList<>();
            opened.forEach(o -> out.add(o.status().detail()));
            return out;
        } finally {
            opened.forEach(EnergySource::close);
        }
    }

    private static Map<String, Object> phase(Phase p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attributed_j", round(p.attributedJoules()));
        m.put("measured_j", round(p.measuredJoules()));
        m.put("other_j", round(p.otherJoules()));
        m.put("idle_j", round(p.idleJoules()));
        m.put("other_share", round(p.otherShare()));
        m.put("trial_cpu_s", round(p.trialCpuSeconds()));
        m.put("wall_s", round(p.wallSeconds()));
        m.put(
                "by_component_j",
                p.byComponent().entrySet().stream()
                        .collect(
                                LinkedHashMap::new,
                                (acc, e) -> acc.put(e.getKey(), round(e.getValue())),
                                Map::putAll));
        m.put("basis", p.basis());
        return m;
    }

    /** Rounds of {@link FixedWork#spin} that take about {@code seconds} of one core here. */
    private static long calibrate(int seconds) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        FixedWork.spin(50_000_000);
        long rounds = 20_000_000;
        long cpu;
        do {
            rounds *= 2;
            long before = threads.getCurrentThreadCpuTime();
            FixedWork.spin(rounds);
            cpu = threads.getCurrentThreadCpuTime() - before;
        } while (cpu < 300_000_000L);
        return (long) (rounds * (seconds * 1e9 / cpu));
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
