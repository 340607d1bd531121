package io.greenband.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rounds of one variant on both sides of the trainer benchmark, and their medians: greenband's
 * DJL trainer and the PyTorch reference (absent when the reference is skipped).
 */
final class SideBySide {

    private final List<TrainerThroughput.Result> greenband = new ArrayList<>();
    private final List<TrainerThroughput.Result> reference = new ArrayList<>();

    void addGreenband(TrainerThroughput.Result result) {
        greenband.add(result);
    }

    void addReference(TrainerThroughput.Result result) {
        reference.add(result);
    }

    /** Median over the rounds of greenband's side. */
    TrainerThroughput.Result greenbandMedian() {
        return median(greenband);
    }

    /** Median over the rounds of the reference, or null when it was skipped. */
    TrainerThroughput.Result referenceMedian() {
        return reference.isEmpty() ? null : median(reference);
    }

    /** greenband / reference for train, inference and peak memory; empty without a reference. */
    Map<String, Double> ratios() {
        Map<String, Double> ratios = new LinkedHashMap<>();
        TrainerThroughput.Result ref = referenceMedian();
        if (ref != null) {
            TrainerThroughput.Result own = greenbandMedian();
            ratios.put("train", round(own.trainImagesPerSecond() / ref.trainImagesPerSecond()));
            ratios.put("infer", round(own.inferImagesPerSecond() / ref.inferImagesPerSecond()));
            ratios.put("peak_memory", round(own.peakMemoryMiB() / ref.peakMemoryMiB()));
        }
        return ratios;
    }

    /** One side as JSON: medians and every round. */
    static Map<String, Object> json(
            TrainerThroughput.Result median, List<TrainerThroughput.Result> rounds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("train_images_per_s", round(median.trainImagesPerSecond()));
        out.put("infer_images_per_s", round(median.inferImagesPerSecond()));
        out.put("peak_memory_mib", round(median.peakMemoryMiB()));
        out.put(
                "rounds",
                rounds.stream()
                        .map(
                                r ->
                                        List.of(
                                                round(r.trainImagesPerSecond()),
                                                round(r.inferImagesPerSecond()),
                                                round(r.peakMemoryMiB())))
                        .toList());
        return out;
    }

    List<TrainerThroughput.Result> greenbandRounds() {
        return List.copyOf(greenband);
    }

    List<TrainerThroughput.Result> referenceRounds() {
        return List.copyOf(reference);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static TrainerThroughput.Result median(List<TrainerThroughput.Result> results) {
        return new TrainerThroughput.Result(
                median(
                        results.stream()
                                .mapToDouble(TrainerThroughput.Result::trainImagesPerSecond)
                                .toArray()),
                median(
                        results.stream()
                                .mapToDouble(TrainerThroughput.Result::inferImagesPerSecond)
                                .toArray()),
                median(
                        results.stream()
                                .mapToDouble(TrainerThroughput.Result::peakMemoryMiB)
                                .toArray()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
