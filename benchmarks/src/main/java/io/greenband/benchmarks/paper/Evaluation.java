package io.greenband.benchmarks.paper;

import io.greenband.events.payload.StudyDefined;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The final evaluation of configurations, as the paper's Table 1 reports it: each configuration
 * trained again at the study's top fidelity with several seeds and scored on the test set; test
 * accuracy and energy with their spread.
 */
final class Evaluation {

    /** One configuration's repeated trainings. */
    record Row(
            String label,
            String fromTrial,
            Map<String, Object> config,
            double fidelity,
            List<FixedTraining.Run> runs) {

        /** Test accuracy over the seeds. */
        Spread testAccuracy() {
            return Spread.of(runs.stream().map(r -> r.metric("test_accuracy")).toList());
        }

        /** Validation accuracy over the seeds. */
        Spread valAccuracy() {
            return Spread.of(runs.stream().map(r -> r.metric("val_accuracy")).toList());
        }

        /** Joules per training over the seeds (failed runs left out). */
        Spread joules() {
            return Spread.of(
                    runs.stream().map(r -> r.succeeded() ? r.joules() : Double.NaN).toList());
        }

        /** The JSON form. */
        Map<String, Object> json(double intensity) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("label", label);
            out.put("from_trial", fromTrial);
            out.put("config", config);
            out.put("shift_depth", fidelity);
            out.put("test_accuracy", testAccuracy().json());
            out.put("val_accuracy", valAccuracy().json());
            out.put("joules", joules().json());
            out.put("emissions_g_mean", SearchLoop.emissions(joules().mean(), intensity));
            out.put("seeds", runs.stream().map(FixedTraining.Run::seed).toList());
            out.put(
                    "errors",
                    runs.stream()
                            .filter(r -> !r.succeeded())
                            .map(FixedTraining.Run::error)
                            .toList());
            return out;
        }
    }

    private Evaluation() {}

    /**
     * Trains {@code config} at {@code fidelity} with seeds 1..{@code seeds}, scoring the test set.
     */
    static Row evaluate(
            StudyDefined study,
            FixedTraining training,
            String label,
            String fromTrial,
            Map<String, Object> config,
            double fidelity,
            int seeds,
            Consumer<FixedTraining.Run> progress) {
        List<FixedTraining.Run> runs = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            FixedTraining.Run run =
                    training.train(study, label + "-s" + seed, config, fidelity, seed, true);
            runs.add(run);
            progress.accept(run);
        }
        return new Row(label, fromTrial, config, fidelity, runs);
    }

    /**
     * The study's best trial at its top fidelity by val_error, or null when none succeeded there.
     */
    static FixedTraining.Run best(SearchLoop.Outcome outcome) {
        return outcome.top().stream()
                .filter(r -> Double.isFinite(r.metric("val_error")))
                .min(Comparator.comparingDouble(r -> r.metric("val_error")))
                .orElse(null);
    }

    /**
     * The non-dominated trials at the top fidelity on (val_error, joules), by ascending val_error;
     * at most {@code limit}, spread evenly along the front when it has more.
     */
    static List<FixedTraining.Run> front(SearchLoop.Outcome outcome, int limit) {
        List<FixedTraining.Run> top =
                outcome.top().stream().filter(r -> Double.isFinite(r.metric("val_error"))).toList();
        List<FixedTraining.Run> front = new ArrayList<>();
        for (FixedTraining.Run a : top) {
            boolean dominated = top.stream().anyMatch(b -> b != a && dominates(b, a));
            if (!dominated) {
                front.add(a);
            }
        }
        front.sort(Comparator.comparingDouble(r -> r.metric("val_error")));
        if (front.size() <= limit) {
            return front;
        }
        List<FixedTraining.Run> picked = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            picked.add(
                    front.get(
                            (int)
                                    Math.round(
                                            i
                                                    * (front.size() - 1)
                                                    / (double) Math.max(1, limit - 1))));
        }
        return picked;
    }

    private static boolean dominates(FixedTraining.Run b, FixedTraining.Run a) {
        double be = b.metric("val_error");
        double ae = a.metric("val_error");
        return be <= ae && b.joules() <= a.joules() && (be < ae || b.joules() < a.joules());
    }
}
