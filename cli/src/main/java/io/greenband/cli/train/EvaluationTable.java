package io.greenband.cli.train;

import io.greenband.energy.estimate.ProcessEnergyModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of {@code greenband evaluate}: one per front configuration, its seeds' figures with
 * their spread.
 */
public final class EvaluationTable {

    /** One configuration trained with several seeds. */
    public record Row(
            String trialId,
            Map<String, Object> config,
            List<Long> seeds,
            List<ChildResult> results,
            List<Double> joules,
            double intensityGPerKwh) {

        /** Test accuracy over the seeds. */
        public SeedSpread testAccuracy() {
            return SeedSpread.of(
                    results.stream()
                            .map(r -> r.succeeded() ? r.metric("test_accuracy") : Double.NaN)
                            .toList());
        }

        /** Validation accuracy over the seeds. */
        public SeedSpread valAccuracy() {
            return SeedSpread.of(
                    results.stream()
                            .map(r -> r.succeeded() ? r.metric("val_accuracy") : Double.NaN)
                            .toList());
        }

        /** Joules over the seeds (failed trainings left out). */
        public SeedSpread energy() {
            return SeedSpread.of(
                    java.util.stream.IntStream.range(0, results.size())
                            .mapToObj(i -> results.get(i).succeeded() ? joules.get(i) : Double.NaN)
                            .toList());
        }

        /** The JSON form. */
        public Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("trialId", trialId);
            out.put("config", config);
            out.put("seeds", seeds);
            out.put("test_accuracy", testAccuracy().json());
            out.put("val_accuracy", valAccuracy().json());
            out.put("joules", energy().json());
            out.put(
                    "emissions_g_mean",
                    energy().n() == 0
                            ? null
                            : ProcessEnergyModel.grams(energy().mean(), intensityGPerKwh));
            out.put(
                    "errors",
                    results.stream().filter(r -> !r.succeeded()).map(ChildResult::error).toList());
            return out;
        }
    }

    private EvaluationTable() {}

    /**
     * An aligned table: trial, test accuracy %, validation accuracy %, joules (mean ± sd), seeds,
     * failures.
     */
    public static String table(List<Row> rows) {
        StringBuilder out =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "%-28s %-16s %-16s %-18s %5s %6s%n",
                                "trialId",
                                "test acc %",
                                "val acc %",
                                "joules",
                                "seeds",
                                "failed"));
        for (Row r : rows) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "%-28s %-16s %-16s %-18s %5d %6d%n",
                            r.trialId(),
                            r.testAccuracy().text(100, 1),
                            r.valAccuracy().text(100, 1),
                            r.energy().text(1, 1),
                            r.seeds().size(),
                            r.testAccuracy().failed()));
        }
        return out.toString();
    }

    /** CSV with a header: means, deviations, minima and maxima of test accuracy and joules. */
    public static String csv(List<Row> rows) {
        StringBuilder out =
                new StringBuilder(
                        "trialId,seeds,failed,test_accuracy_mean,test_accuracy_sd,"
                                + "test_accuracy_min,test_accuracy_max,val_accuracy_mean,joules_mean,joules_sd,emissions_g_mean\n");
        for (Row r : rows) {
            SeedSpread t = r.testAccuracy();
            SeedSpread e = r.energy();
            out.append(
                            String.join(
                                    ",",
                                    r.trialId(),
                                    String.valueOf(r.seeds().size()),
                                    String.valueOf(t.failed()),
                                    num(t.mean()),
                                    num(t.sd()),
                                    num(t.min()),
                                    num(t.max()),
                                    num(r.valAccuracy().mean()),
                                    num(e.mean()),
                                    num(e.sd()),
                                    num(ProcessEnergyModel.grams(e.mean(), r.intensityGPerKwh()))))
                    .append('\n');
        }
        return out.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
