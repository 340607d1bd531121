package io.greenband.benchmarks.suggester;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.greenband.suggester.core.preset.Preset;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code suggester}: hypervolume regret of the optimizer presets on problems with known fronts at equal
 * fidelity budget, and ask() latency of the model-based preset at 100, 1,000 and 10,000 observations.
 */
@Command(name = "suggester", mixinStandardHelpOptions = true,
        description = "Suggester quality (median normalized hypervolume regret) and ask() latency.")
public final class SuggesterBenchmark implements Callable<Integer> {

    private static final List<Preset> METHODS = List.of(Preset.HYPERBAND_PAREGO_RF, Preset.ASHA_NSGA2_RF,
            Preset.HYPERBAND_RANDOM, Preset.RANDOM);
    private static final int[] LATENCY_SIZES = {100, 1_000, 10_000};

    @Option(names = "--quick", description = "Fewer seeds, a smaller budget and fewer latency samples.")
    boolean quick;

    @Option(names = "--seeds", description = "Seeds per problem and method (default 5 quick, 10 full).")
    Integer seeds;

    @Option(names = "--budget", description = "Total fidelity budget in full-budget evaluations (default 100 quick, 200 full).")
    Integer budget;

    @Option(names = "--part", description = "Run only part of it: all (default), quality or latency.")
    String part = "all";

    @Option(names = "--json", description = "Write the results as JSON to this file.")
    File json;

    @Override
    public Integer call() throws IOException {
        int seedCount = seeds != null ? seeds : quick ? 5 : 10;
        int fullEvals = budget != null ? budget : quick ? 100 : 200;
        if (!List.of("all", "quality", "latency").contains(part)) {
            throw new IllegalArgumentException("--part must be all, quality or latency, was '" + part + "'");
        }
        List<Problem> problems = List.of(new Zdt(Zdt.Kind.ZDT1, 4), new Zdt(Zdt.Kind.ZDT2, 4),
                new Zdt(Zdt.Kind.ZDT3, 4), new Dtlz2(6), new MixedProblem());
        System.out.printf("suggester benchmark: %d seeds, budget %d x %.0f = %.0f per method, %d cores%n",
                seedCount, fullEvals, QualityRun.MAX_BUDGET, fullEvals * QualityRun.MAX_BUDGET,
                Runtime.getRuntime().availableProcessors());
        Map<String, Object> problemsOut = new LinkedHashMap<>();
        System.out.printf("%n%-8s %-22s %14s %10s %10s %9s%n", "problem", "method", "median_regret", "trials",
                "full-bud.", "seconds");
        for (Problem p : part.equals("latency") ? List.<Problem>of() : problems) {
            Map<String, Object> perMethod = new LinkedHashMap<>();
            for (Preset method : METHODS) {
                double[] regrets = new double[seedCount];
                double[] trials = new double[seedCount];
                double[] full = new double[seedCount];
                double seconds = 0;
                for (int s = 0; s < seedCount; s++) {
                    QualityRun.Result r = QualityRun.run(p, method, 1_000 + s, fullEvals);
                    regrets[s] = r.regret();
                    trials[s] = r.trials();
                    full[s] = r.fullBudgetTrials();
                    seconds += r.seconds();
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("median_regret", median(regrets));
                m.put("regrets", regrets);
                m.put("median_trials", median(trials));
                m.put("median_full_budget_trials", median(full));
                m.put("seconds", seconds);
                perMethod.put(method.id(), m);
                System.out.printf("%-8s %-22s %14.4f %10.0f %10.0f %9.1f%n", p.id(), method.id(), median(regrets),
                        median(trials), median(full), seconds);
            }
            problemsOut.put(p.id(), perMethod);
        }
        Map<String, Object> latency = part.equals("quality") ? Map.of() : latency(problems.get(0));
        if (json != null) {
            Map<String, Object> root = new LinkedHashMap<>();
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("quick", quick);
            config.put("seeds", seedCount);
            config.put("total_fidelity_budget", fullEvals * QualityRun.MAX_BUDGET);
            config.put("fidelity", Map.of("min", QualityRun.MIN_BUDGET, "max", QualityRun.MAX_BUDGET, "eta", 3));
            config.put("cores", Runtime.getRuntime().availableProcessors());
            root.put("config", config);
            root.put("problems", problemsOut);
            root.putAll(latency);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json, root);
            System.out.println("wrote " + json);
        }
        return 0;
    }

    private Map<String, Object> latency(Problem problem) {
        System.out.printf("%nask()+tell() latency, %s preset on %s (single fidelity)%n", Preset.HYPERBAND_PAREGO_RF.id(),
                problem.id());
        System.out.printf("%-13s %8s %10s %10s %10s %12s%n", "observations", "samples", "p50 ms", "p99 ms", "max ms",
                "cpu p50 ms");
        Map<String, Object> p50 = new LinkedHashMap<>();
        Map<String, Object> p99 = new LinkedHashMap<>();
        Map<String, Object> samples = new LinkedHashMap<>();
        Map<String, Object> cpuP50 = new LinkedHashMap<>();
        for (int n : LATENCY_SIZES) {
            int count = quick ? (n >= 10_000 ? 30 : 100) : (n >= 10_000 ? 100 : 300);
            // Enough warm-up for the JIT to finish compiling the hot paths, as in a suggester that has been
            // running for a while; with fewer, compiler threads still share the two cores with the timed asks.
            int warmup = 300;
            LatencyRun.Result r = LatencyRun.run(problem, n, warmup, count, 7);
            System.out.printf("%-13d %8d %10.2f %10.2f %10.2f %12.2f%n", n, count, r.p50(), r.p99(), r.max(),
                    r.cpuP50());
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
        return Map.of("ask_latency_ms", lat);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
