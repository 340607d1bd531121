package io.greenband.benchmarks.paper;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's comparisons from one run: the final evaluations as a table (test accuracy and energy,
 * mean ± sd over seeds), the best configuration's accuracy against the default's (the paper claims
 * at least 3 points), which front points beat the default in both accuracy and energy, and the
 * trials and energy each study spent.
 */
record PaperReport(
        PaperSetup setup,
        Evaluation.Row baseline,
        SearchLoop.Outcome mf,
        SearchLoop.Outcome mfmo,
        List<Evaluation.Row> finals,
        double seconds) {

    /** The paper's claimed margin of the optimized network over the default, in accuracy points. */
    static final double CLAIMED_POINTS = 3.0;

    /**
     * Mean test accuracy of the MF best minus the default's, in points (NaN without an MF best).
     */
    double bestGainPoints() {
        return finals.stream()
                .filter(r -> r.label().equals("mf-best"))
                .findFirst()
                .map(r -> 100 * (r.testAccuracy().mean() - baseline.testAccuracy().mean()))
                .orElse(Double.NaN);
    }

    /** Front rows whose mean test accuracy is higher and mean energy lower than the default's. */
    List<Evaluation.Row> frontBeatingDefault() {
        return finals.stream()
                .filter(r -> r.label().startsWith("mfmo-front"))
                .filter(
                        r ->
                                r.testAccuracy().mean() > baseline.testAccuracy().mean()
                                        && r.joules().mean() < baseline.joules().mean())
                .toList();
    }

    void print(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%nfinal evaluation (shift depth %d, %d seeds each, test set):%n",
                setup.maxDepth(),
                setup.seeds());
        out.printf(
                "%-14s %-18s %-18s %-18s %s%n",
                "configuration", "test accuracy %", "val accuracy %", "joules", "from trial");
        for (Evaluation.Row row : rows()) {
            out.printf(
                    "%-14s %-18s %-18s %-18s %s%n",
                    row.label(),
                    row.testAccuracy().text(100, 1),
                    row.valAccuracy().text(100, 1),
                    row.joules().text(1, 1),
                    row.fromTrial() == null ? "-" : row.fromTrial());
        }
        double gain = bestGainPoints();
        out.printf(
                Locale.ROOT,
                "best (MF) vs default: %+.1f points of test accuracy (paper: >= %.0f): %s%n",
                gain,
                CLAIMED_POINTS,
                Double.isNaN(gain)
                        ? "no MF best"
                        : gain >= CLAIMED_POINTS ? "holds" : "does not hold");
        out.printf(
                "front (MFMO) points better than the default in both accuracy and energy: %d of %d%n",
                frontBeatingDefault().size(),
                finals.stream().filter(r -> r.label().startsWith("mfmo")).count());
        for (SearchLoop.Outcome study : List.of(mf, mfmo)) {
            out.printf(
                    Locale.ROOT,
                    "%-11s %d trials (%d failed, %d at the top fidelity), %.0f J, %.0f s of training%n",
                    study.studyId(),
                    study.runs().size(),
                    failed(study),
                    study.top().size(),
                    study.joules(),
                    study.runs().stream().mapToDouble(FixedTraining.Run::wallSeconds).sum());
        }
        out.printf(Locale.ROOT, "total %.0f s%n", seconds);
    }

    Map<String, Object> json() {
        double intensity = PaperSetup.INTENSITY_G_PER_KWH;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "paper");
        out.put("setup", setup.name());
        out.put("dataset", setup.dataset());
        out.put("train_images", setup.trainImages());
        out.put("validation", setup.validation());
        out.put("test_images", setup.testImages());
        out.put("trials_per_study", setup.trials());
        out.put("seeds", setup.seeds());
        out.put("shift_depth", setup.maxDepth());
        out.put("evaluations", rows().stream().map(r -> r.json(intensity)).toList());
        out.put("best_gain_points", Double.isNaN(bestGainPoints()) ? null : bestGainPoints());
        out.put("claimed_gain_points", CLAIMED_POINTS);
        out.put(
                "front_points_beating_default",
                frontBeatingDefault().stream().map(Evaluation.Row::label).toList());
        Map<String, Object> studies = new LinkedHashMap<>();
        for (SearchLoop.Outcome study : List.of(mf, mfmo)) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("trials", study.runs().size());
            s.put("failed", failed(study));
            s.put("top_fidelity_trials", study.top().size());
            s.put("joules", study.joules());
            s.put("emissions_g", SearchLoop.emissions(study.joules(), intensity));
            s.put(
                    "training_seconds",
                    study.runs().stream().mapToDouble(FixedTraining.Run::wallSeconds).sum());
            studies.put(study.studyId(), s);
        }
        out.put("studies", studies);
        out.put("seconds", seconds);
        return out;
    }

    private List<Evaluation.Row> rows() {
        List<Evaluation.Row> all = new java.util.ArrayList<>();
        all.add(baseline);
        all.addAll(finals);
        return all;
    }

    private static long failed(SearchLoop.Outcome study) {
        return study.runs().stream().filter(r -> !r.succeeded()).count();
    }
}
