package io.greenband.benchmarks.suggester;

import io.greenband.suggester.core.preset.Preset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality part of the suggester benchmark: every preset and every Optuna sampler on every
 * (problem, budget) cell with the same seeds, the median regret of each, its ratio to the best
 * Optuna sampler's, and a per-preset summary of the cells it wins.
 */
final class QualityTable {

    private final List<Problem> problems;
    private final List<Preset> presets;
    private final int[] budgets;
    private final int seeds;
    private final OptunaPeer peer;
    private final PeerCache cache;

    QualityTable(
            List<Problem> problems,
            List<Preset> presets,
            int[] budgets,
            int seeds,
            OptunaPeer peer,
            PeerCache cache) {
        this.cache = cache;
        this.problems = problems;
        this.presets = presets;
        this.budgets = budgets;
        this.seeds = seeds;
        this.peer = peer;
    }

    /** Runs every cell, prints the table and returns problem -> budget -> method -> figures. */
    Map<String, Object> run() {
        System.out.printf(
                "%n%-12s %6s %-26s %14s %10s %8s %10s %9s%n",
                "problem",
                "budget",
                "method",
                "median_regret",
                "vs_optuna",
                "trials",
                "full-bud.",
                "seconds");
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, int[]> wins = new LinkedHashMap<>();
        int cells = 0;
        for (Problem p : problems) {
            Map<String, Object> perBudget = new LinkedHashMap<>();
            for (int budget : budgets) {
                Map<String, Map<String, Object>> cell = new LinkedHashMap<>();
                for (Preset preset : presets) {
                    cell.put(preset.id(), figures(seed -> QualityRun.run(p, preset, seed, budget)));
                }
                if (peer != null) {
                    for (String sampler : OptunaPeer.SAMPLERS) {
                        cell.put(
                                "optuna-" + sampler,
                                figures(seed -> peerRun(p, sampler, seed, budget)));
                    }
                }
                double bestOptuna = Double.NaN;
                for (String sampler : OptunaPeer.SAMPLERS) {
                    Map<String, Object> m = cell.get("optuna-" + sampler);
                    if (m != null) {
                        double r = (double) m.get("median_regret");
                        bestOptuna = Double.isNaN(bestOptuna) ? r : Math.min(bestOptuna, r);
                    }
                }
                cells++;
                for (Map.Entry<String, Map<String, Object>> e : cell.entrySet()) {
                    Map<String, Object> m = e.getValue();
                    double r = (double) m.get("median_regret");
                    if (!Double.isNaN(bestOptuna)) {
                        m.put("ratio_to_best_optuna", ratio(r, bestOptuna));
                    }
                    System.out.printf(
                            "%-12s %6d %-26s %14.4f %10s %8.0f %10.0f %9.1f%n",
                            p.id(),
                            budget,
                            e.getKey(),
                            r,
                            Double.isNaN(bestOptuna)
                                    ? "-"
                                    : String.format("%.2f", ratio(r, bestOptuna)),
                            (double) m.get("median_trials"),
                            (double) m.get("median_full_budget_trials"),
                            (double) m.get("seconds"));
                    if (e.getKey().startsWith("optuna-")) {
                        continue;
                    }
                    int[] w = wins.computeIfAbsent(e.getKey(), k -> new int[2]);
                    if (!Double.isNaN(bestOptuna) && r <= bestOptuna) {
                        w[0]++;
                    }
                    if (r < median(cell, Preset.RANDOM.id())
                            && r < median(cell, Preset.HYPERBAND_RANDOM.id())) {
                        w[1]++;
                    }
                }
                perBudget.put(Integer.toString(budget), cell);
            }
            out.put(p.id(), perBudget);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        System.out.printf(
                "%nper preset, of %d cells: median regret <= best Optuna sampler's; below both random "
                        + "presets%n",
                cells);
        for (Map.Entry<String, int[]> e : wins.entrySet()) {
            System.out.printf(
                    "%-26s %4s %4d%n",
                    e.getKey(),
                    peer == null ? "-" : Integer.toString(e.getValue()[0]),
                    e.getValue()[1]);
            Map<String, Object> s = new LinkedHashMap<>();
            if (peer != null) {
                s.put("cells_at_most_best_optuna", e.getValue()[0]);
            }
            s.put("cells_below_both_random_presets", e.getValue()[1]);
            s.put("cells", cells);
            summary.put(e.getKey(), s);
        }
        return Map.of("problems", out, "summary", summary);
    }

    private QualityRun.Result peerRun(Problem p, String sampler, long seed, int budget) {
        QualityRun.Result cached = cache == null ? null : cache.get(p.id(), sampler, seed, budget);
        if (cached != null) {
            return cached;
        }
        try {
            QualityRun.Result r = peer.run(p, sampler, seed, budget);
            if (cache != null) {
                cache.put(p.id(), sampler, seed, budget, r);
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(Map<String, Map<String, Object>> cell, String method) {
        Map<String, Object> m = cell.get(method);
        return m == null ? Double.POSITIVE_INFINITY : (double) m.get("median_regret");
    }

    private static double ratio(double r, double best) {
        return best > 0 ? r / best : (r > 0 ? Double.POSITIVE_INFINITY : 1);
    }

    private interface SeededRun {
        QualityRun.Result run(long seed);
    }

    private Map<String, Object> figures(SeededRun run) {
        double[] regrets = new double[seeds];
        double[] trials = new double[seeds];
        double[] full = new double[seeds];
        double seconds = 0;
        for (int s = 0; s < seeds; s++) {
            QualityRun.Result r = run.run(1_000 + s);
            regrets[s] = r.regret();
            trials[s] = r.trials();
            full[s] = r.fullBudgetTrials();
            seconds += r.seconds();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median_regret", SuggesterBenchmark.median(regrets));
        m.put("regrets", regrets);
        m.put("median_trials", SuggesterBenchmark.median(trials));
        m.put("median_full_budget_trials", SuggesterBenchmark.median(full));
        m.put("seconds", seconds);
        return m;
    }
}
