package io.greenband.aggregator.core.objective;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Energy per image from a trial's energy and the counts its trainer reported in {@code
 * trial-finished}: {@code training_images} and {@code train_seconds} for training, {@code
 * inference_images} and {@code inference_seconds} for the evaluation passes. Without a measured
 * inference phase, the window's energy is split between the two phases in proportion to those
 * seconds (setup and saving fall into both in the same proportion); with one, the measured phase is
 * used and training gets the rest.
 */
final class PerImageEnergy {

    /** Images trained, all epochs. */
    static final String TRAINING_IMAGES = "training_images";

    /** Seconds of training steps. */
    static final String TRAIN_SECONDS = "train_seconds";

    /** Images inferred in evaluation passes. */
    static final String INFERENCE_IMAGES = "inference_images";

    /** Seconds of evaluation passes. */
    static final String INFERENCE_SECONDS = "inference_seconds";

    private PerImageEnergy() {}

    /**
     * The quantity's value: the per-image ones derived here, the others as the figures give them.
     */
    static OptionalDouble value(
            EnergyQuantity quantity, EnergyFigures energy, Map<String, Double> metrics) {
        return switch (quantity) {
            case TRAIN_JOULES_PER_IMAGE -> trainJoulesPerImage(energy, metrics);
            case INFERENCE_JOULES_PER_1K ->
                    energy.inferenceJoulesPer1k().isPresent()
                            ? energy.inferenceJoulesPer1k()
                            : inferenceJoulesPer1k(energy, metrics);
            default -> energy.value(quantity);
        };
    }

    private static OptionalDouble trainJoulesPerImage(
            EnergyFigures energy, Map<String, Double> metrics) {
        double images = positive(metrics.get(TRAINING_IMAGES));
        if (Double.isNaN(images)) {
            return OptionalDouble.empty();
        }
        if (energy.inferenceJoules().isPresent()) {
            return OptionalDouble.of(energy.trainJoules() / images);
        }
        double share = trainShare(metrics);
        return Double.isNaN(share)
                ? OptionalDouble.empty()
                : OptionalDouble.of(energy.windowJoules() * share / images);
    }

    private static OptionalDouble inferenceJoulesPer1k(
            EnergyFigures energy, Map<String, Double> metrics) {
        double images = positive(metrics.get(INFERENCE_IMAGES));
        double share = trainShare(metrics);
        if (Double.isNaN(images) || Double.isNaN(share)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(energy.windowJoules() * (1 - share) / images * 1000.0);
    }

    /** Training's share of the two phases' seconds, NaN when either is missing or invalid. */
    private static double trainShare(Map<String, Double> metrics) {
        Double train = metrics.get(TRAIN_SECONDS);
        Double inference = metrics.get(INFERENCE_SECONDS);
        if (train == null
                || inference == null
                || !Double.isFinite(train)
                || !Double.isFinite(inference)
                || train < 0
                || inference < 0
                || train + inference <= 0) {
            return Double.NaN;
        }
        return train / (train + inference);
    }

    private static double positive(Double value) {
        return value == null || !Double.isFinite(value) || value <= 0 ? Double.NaN : value;
    }
}
