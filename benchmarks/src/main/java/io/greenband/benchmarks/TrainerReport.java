package io.greenband.benchmarks;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trainer benchmark's table and JSON: per variant the medians of both sides, greenband /
 * reference ratios, and the DSNN-vs-float training target on greenband's side.
 *
 * @param results each variant's rounds, float first
 * @param torchVersion the reference's torch version, null when it was skipped
 */
record TrainerReport(Map<String, SideBySide> results, String torchVersion) {

    /** Prints the table and the target line. */
    void print(PrintStream out) {
        out.printf(
                "%-7s %11s %11s %6s %11s %11s %6s %9s %9s %6s %8s%n",
                "variant",
                "train gb",
                "train ref",
                "x",
                "infer gb",
                "infer ref",
                "x",
                "MiB gb",
                "MiB ref",
                "x",
                "tr/float");
        double floatTrain = floatTrain();
        results.forEach(
                (name, sides) -> {
                    TrainerThroughput.Result own = sides.greenbandMedian();
                    TrainerThroughput.Result ref = sides.referenceMedian();
                    Map<String, Double> ratio = sides.ratios();
                    out.printf(
                            "%-7s %11.1f %11s %6s %11.1f %11s %6s %9.0f %9s %6s %8.2f%n",
                            name,
                            own.trainImagesPerSecond(),
                            ref == null ? "-" : String.format("%.1f", ref.trainImagesPerSecond()),
                            ratio.isEmpty() ? "-" : String.format("%.2f", ratio.get("train")),
                            own.inferImagesPerSecond(),
                            ref == null ? "-" : String.format("%.1f", ref.inferImagesPerSecond()),
                            ratio.isEmpty() ? "-" : String.format("%.2f", ratio.get("infer")),
                            own.peakMemoryMiB(),
                            ref == null ? "-" : String.format("%.0f", ref.peakMemoryMiB()),
                            ratio.isEmpty() ? "-" : String.format("%.2f", ratio.get("peak_memory")),
                            own.trainImagesPerSecond() / floatTrain);
                });
        double ratio = minDsnnTrainRatio();
        if (!Double.isNaN(ratio)) {
            out.printf(
                    "slowest DSNN trains at %.2f x the float network (target >= %.1f): %s%n",
                    ratio,
                    TrainerBenchmark.TARGET_RATIO,
                    ratio >= TrainerBenchmark.TARGET_RATIO ? "met" : "NOT met");
        }
    }

    /**
     * The JSON keys of the results (greenband's medians under the keys the benchmark always had).
     */
    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Double> train = new LinkedHashMap<>();
        Map<String, Double> infer = new LinkedHashMap<>();
        Map<String, Double> memory = new LinkedHashMap<>();
        Map<String, Object> greenband = new LinkedHashMap<>();
        Map<String, Object> reference = new LinkedHashMap<>();
        Map<String, Object> ratios = new LinkedHashMap<>();
        results.forEach(
                (name, sides) -> {
                    TrainerThroughput.Result own = sides.greenbandMedian();
                    train.put(name, SideBySide.round(own.trainImagesPerSecond()));
                    infer.put(name, SideBySide.round(own.inferImagesPerSecond()));
                    memory.put(name, SideBySide.round(own.peakMemoryMiB()));
                    greenband.put(name, SideBySide.json(own, sides.greenbandRounds()));
                    if (sides.referenceMedian() != null) {
                        reference.put(
                                name,
                                SideBySide.json(sides.referenceMedian(), sides.referenceRounds()));
                        ratios.put(name, sides.ratios());
                    }
                });
        out.put("train_images_per_s", train);
        out.put("infer_images_per_s", infer);
        out.put("peak_memory_mib", memory);
        double ratio = minDsnnTrainRatio();
        out.put("min_dsnn_train_ratio", Double.isNaN(ratio) ? null : SideBySide.round(ratio));
        out.put("target_met", Double.isNaN(ratio) ? null : ratio >= TrainerBenchmark.TARGET_RATIO);
        out.put("greenband", greenband);
        out.put("reference_torch", torchVersion);
        out.put("reference", reference);
        out.put("greenband_over_reference", ratios);
        return out;
    }

    private double floatTrain() {
        SideBySide floatSides = results.get("float");
        return floatSides == null
                ? Double.NaN
                : floatSides.greenbandMedian().trainImagesPerSecond();
    }

    private double minDsnnTrainRatio() {
        return results.entrySet().stream()
                .filter(e -> !e.getKey().equals("float"))
                .mapToDouble(
                        e -> e.getValue().greenbandMedian().trainImagesPerSecond() / floatTrain())
                .min()
                .orElse(Double.NaN);
    }
}
