package io.greenband.trainer.worker;

import io.greenband.trainer.runner.EpochProgress;
import io.greenband.trainer.runner.MetricNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runner metrics under the names the events speak ({@code val_loss}, {@code val_accuracy}, {@code
 * val_error}, {@code train_seconds}, {@code images_per_second}, {@code shift_layers}, {@code
 * weight_bits}); other names pass through. Non-finite values are left out (events carry finite
 * numbers only).
 */
public final class EventMetrics {

    /** Runner name to event name. */
    private static final Map<String, String> RENAMED = MetricNames.EVENT_NAMES;

    private EventMetrics() {}

    /**
     * Final metrics of a trial, plus {@code val_error} and the budget's {@code shift_layers} and
     * {@code weight_bits}.
     */
    public static Map<String, Double> finished(Map<String, Double> metrics, TrialPlan plan) {
        Map<String, Double> out = rename(metrics);
        if (plan != null && plan.backend().equals("dsnn")) {
            out.put(
                    "shift_layers",
                    (double)
                            Math.min(
                                    plan.request().fidelity().shiftDepth(),
                                    io.greenband.trainer.runner.Fidelity.ALL_LAYERS));
            out.put("weight_bits", (double) plan.request().dsnnConfig().weightBits());
        }
        return out;
    }

    /** Metrics of one epoch. */
    public static Map<String, Double> epoch(EpochProgress progress) {
        Map<String, Double> raw = new LinkedHashMap<>();
        raw.put(MetricNames.TRAIN_LOSS, progress.trainLoss());
        raw.put(MetricNames.TRAIN_ACCURACY, progress.trainAccuracy());
        raw.put(MetricNames.VALIDATION_LOSS, progress.validationLoss());
        raw.put(MetricNames.VALIDATION_ACCURACY, progress.validationAccuracy());
        raw.put("learning_rate", progress.learningRate());
        raw.put("elapsed_seconds", progress.elapsedSeconds());
        return rename(raw);
    }

    private static Map<String, Double> rename(Map<String, Double> metrics) {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach(
                (name, value) -> {
                    if (value != null && Double.isFinite(value)) {
                        out.put(RENAMED.getOrDefault(name, name), value);
                    }
                });
        Double accuracy = out.get("val_accuracy");
        if (accuracy != null && !out.containsKey("val_error")) {
            out.put("val_error", 1 - accuracy);
        }
        return out;
    }
}
