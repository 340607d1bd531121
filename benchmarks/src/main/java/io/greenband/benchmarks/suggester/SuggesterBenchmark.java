package io.greenband.benchmarks.suggester;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.greenband.suggester.core.preset.Preset;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code suggester}: hypervolume regret of the optimizer presets and of Optuna's samplers (the
 * peer) on problems with known fronts at equal fidelity budgets, and ask() latency of the
 * model-based preset at 100, 1,000 and 10,000 observations.
 */
@Command(
        name = "suggester",
        mixinStandardHelpOptions = true,
        description = "Suggester quality (median normalized hypervolume regret) and ask() latency.")
public final class SuggesterBenchmark implements Callable<Integer> {

    private static final int[] LATENCY_SIZES = {100, 1_000, 10_000};

    @Option(names = "--quick", description = "Fewer seeds (3) and fewer latency samples.")
    boolean quick;

    @Option(
            names = "--seeds",
            description = "Seeds per cell and method (default 3 quick, 10 full).")
    Integer seeds;

    @Option(
            names = "--budgets",
            split = ",",
            paramLabel = "B",
            description = "Total fidelity budgets in full-budget evaluations (default 10,20,100).")
    int[] budgets = {10, 20, 100};

    @Option(
            names = "--problems",
            split = ",",
            paramLabel = "ID",
            description = "Only these problems (default all).")
    List<String> problemIds;

    @Option(
            names = "--presets",
            split = ",",
            paramLabel = "ID",
            description = "Only these presets (default all).")
    List<String> presetIds;

    @Option(
            names = "--python",
            defaultValue = "/usr/bin/python3",
            description = "Python with Optuna for the peer (default ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--no-peer", description = "Leave Optuna out.")
    boolean noPeer;

    @Option(
            names = "--peer-cache",
            paramLabel = "FILE",
            description =
                    "Reuse Optuna's runs recorded in this JSON-lines file and record new ones there.")
    File peerCache;

    @Option(
            names = "--part",
            description = "Run only part of it: all (default), quality or latency.")
    String part = "all";

    @Option(
            names = "--latency-preset",
            paramLabel = "ID",
            defaultValue = "full-gp-motpe",
            description =
                    "Preset whose ask()+tell() latency is measured (default ${DEFAULT-VALUE}, optimize's default).")
    String latencyPreset;

    @Option(names = "--json", description = "Write the results as JSON to this file.")
    File json;

    /**
     * Every problem: the ZDT/DTLZ family, the mixed conditional space, and the ones that expose
     * weaknesses.
     */
    static List<Problem> allProblems() {
        return List.of(
                new Zdt(Zdt.Kind.ZDT1, 4),
                new Zdt(Zdt.Kind.ZDT2, 4),
                new Zdt(Zdt.Kind.ZDT3, 4),
                new Dtlz2(6),
                new MixedProblem(),
                new BiasedProblem(),
                new Bowls(),
                new Noisy(new Bowls(), 0.05),
                new Noisy(new MixedProblem(), 0.05));
    }

    @Override
    public Integer call() throws IOException {
        int seedCount = seeds != null ? seeds : quick ? 3 : 10;
        if (!List.of("all", "quality", "latency").contains(part)) {
            throw new IllegalArgumentException(
                    "--part must be all, quality or latency, was '" + part + "'");
        }
        List<Problem> problems =
                allProblems().stream()
                        .filter(p -> problemIds == null || problemIds.contains(p.id()))
                        .toList();
        List<Preset> presets =
                presetIds == null
                        ? List.of(Preset.values())
                        : presetIds.stream().map(Preset::byName).toList();
        double loadAtStart =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage();
        System.out.printf(
                "suggester benchmark: %d seeds, budgets %s full-budget evaluations (x %.0f fidelity), "
                        + "%d cores, load average %.2f%n",
                seedCount,
                Arrays.toString(budgets),
                QualityRun.MAX_BUDGET,
                Runtime.getRuntime().availableProcessors(),
                loadAtStart);
        Map<String, Object> quality = Map.of();
        if (!part.equals("latency")) {
            OptunaPeer peer = noPeer ? null : OptunaPeer.start(python);
            if (peer != null) {
                System.out.println(
                        "optuna peer: Optuna "
                                + peer.version()
                                + " ("
                                + python
                                + "), samplers "
                                + OptunaPeer.SAMPLERS
                                + ", B trials at full fidelity per budget B");
            }
            try {
                PeerCache cache =
                        peer == null || peerCache == null
                                ? null
                                : PeerCache.open(peerCache.toPath());
                quality =
                        new QualityTable(problems, presets, budgets, seedCount, peer, cache).run();
            } finally {
                if (peer != null) {
                    peer.close();
                }
            }
        }
        Map<String, Object> latency =
                part.equals("quality") ? Map.of() : latency(allProblems().get(0));
        if (json != null) {
            Map<String, Object> root = new LinkedHashMap<>();
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("quick", quick);
            config.put("seeds", seedCount);
            config.put("budgets_full_evaluations", budgets);
            config.put(
                    "fidelity",
                    Map.of("min", QualityRun.MIN_BUDGET, "max", QualityRun.MAX_BUDGET, "eta", 3));
            config.put("cores", Runtime.getRuntime().availableProcessors());
            config.put("load_average_at_start", loadAtStart);
            config.put(
                    "load_average_at_end",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            root.put("config", config);
            root.putAll(quality);
            root.putAll(latency);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json, root);
            System.out.println("wrote " + json);
        }
        return 0;
    }

    private Map<String, Object> latency(Problem problem) {
        Preset preset = Preset.byName(latencyPreset);
        System.out.printf(
                "%nask()+tell() latency, %s preset on %s (single fidelity)%n",
                preset.id(), problem.id());
        System.out.printf(
                "%-13s %8s %10s %10s %10s %12s%n",
                "observations", "samples", "p50 ms", "p99 ms", "max ms", "cpu p50 ms");
        Map<String, Object> p50 = new LinkedHashMap<>();
        Map<String, Object> p99 = new LinkedHashMap<>();
        Map<String, Object> samples = new LinkedHashMap<>();
        Map<String, Object> cpuP50 = new LinkedHashMap<>();
        for (int n : LATENCY_SIZES) {
            int count = quick ? (n >= 10_000 ? 30 : 100) : (n >= 10_000 ? 100 : 300);
            // Enough warm-up for the JIT to finish compiling the hot paths, as in a suggester that
            // has been
            // running for a while; with fewer, compiler threads still share the two cores with the
            // timed asks.
            int warmup = 300;
            LatencyRun.Result r = LatencyRun.run(preset, problem, n, warmup, count, 7);
            System.out.printf(
                    "%-13d %8d %10.2f %10.2f %10.2f %12.2f%n",
                    n, count, r.p50(), r.p99(), r.max(), r.cpuP50());
            cpuP50.put(Integer.toString(n), r.cpuP50());
            p50.put(Integer.toString(n), r.p50());
            p99.put(Integer.toString(n), r.p99());
            samples.put(Integer.toString(n), count);
        }
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("p50", p50);
        lat.put("p99", p99);
        lat.put("cpu_p50", cpuP50);
        lat.put("samples", samples);
        lat.put("preset", preset.id());
        return Map.of("ask_latency_ms", lat);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
