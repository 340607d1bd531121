package io.greenband.trainer.runner;

import io.greenband.trainer.dsnn.FixedPoint;
import io.greenband.trainer.dsnn.Rounding;
import io.greenband.trainer.dsnn.ShiftSettings;
import io.greenband.trainer.dsnn.ShiftType;
import io.greenband.trainer.optim.LearningRateSchedule;
import io.greenband.trainer.optim.OptimizerKind;
import io.greenband.trainer.optim.OptimizerSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hyperparameters of a trial, under the names of the study's configuration space.
 *
 * @param batchSize {@code batch_size}
 * @param optimizer {@code optimizer}
 * @param learningRate {@code learning_rate}
 * @param momentum {@code momentum} (SGD and RMSProp)
 * @param epochs {@code epochs} (a fidelity may override it)
 * @param weightBits {@code weight_bits}
 * @param activationIntegerBits {@code activation_integer_bits}
 * @param activationFractionBits {@code activation_fraction_bits}
 * @param shiftType {@code shift_type}: Q or PS
 * @param rounding {@code rounding}: deterministic or stochastic
 * @param weightDecay {@code weight_decay}
 * @param lrSchedule {@code lr_schedule}: reference (default), cosine or constant
 */
public record TrialConfig(
        int batchSize,
        OptimizerKind optimizer,
        float learningRate,
        float momentum,
        int epochs,
        int weightBits,
        int activationIntegerBits,
        int activationFractionBits,
        ShiftType shiftType,
        Rounding rounding,
        float weightDecay,
        String lrSchedule)
        implements Hyperparameters {

    /** Configuration keys, in the order of the study's table. */
    public static final Set<String> KEYS =
            Set.of(
                    "batch_size",
                    "optimizer",
                    "learning_rate",
                    "momentum",
                    "epochs",
                    "weight_bits",
                    "activation_integer_bits",
                    "activation_fraction_bits",
                    "shift_type",
                    "rounding",
                    "weight_decay",
                    "lr_schedule");

    private static final Set<String> SCHEDULES = Set.of("reference", "cosine", "constant");

    /** Checks every field (the message names the key); derived settings are validated too. */
    public TrialConfig {
        if (batchSize < 2) {
            throw new IllegalArgumentException(
                    "batch_size must be >= 2 (batch norm), got " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (lrSchedule == null || !SCHEDULES.contains(lrSchedule)) {
            throw new IllegalArgumentException(
                    "lr_schedule must be one of " + SCHEDULES + ", got " + lrSchedule);
        }
        new ShiftSettings(
                shiftType,
                weightBits,
                rounding,
                new FixedPoint(activationIntegerBits, activationFractionBits));
        new OptimizerSettings(optimizer, learningRate, momentum, weightDecay);
    }

    /**
     * The reference's CIFAR defaults (batch 128, SGD 0.1, momentum 0.9, wd 1e-4, 5 bits, 16.16, Q).
     */
    public static TrialConfig defaults() {
        return fromMap(Map.of());
    }

    /**
     * Parses a configuration; absent keys take the reference defaults, unknown keys are refused.
     */
    public static TrialConfig fromMap(Map<String, ?> values) {
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown configuration key '" + key + "'; known keys: " + KEYS);
            }
        }
        return new TrialConfig(
                integer(values, "batch_size", 128),
                OptimizerKind.parse(text(values, "optimizer", "sgd")),
                (float) number(values, "learning_rate", 0.1),
                (float) number(values, "momentum", 0.9),
                integer(values, "epochs", 200),
                integer(values, "weight_bits", 5),
                integer(values, "activation_integer_bits", 16),
                integer(values, "activation_fraction_bits", 16),
                ShiftType.parse(text(values, "shift_type", "Q")),
                Rounding.parse(text(values, "rounding", "deterministic")),
                (float) number(values, "weight_decay", 1e-4),
                text(values, "lr_schedule", "reference"));
    }

    /** The configuration under its keys (numbers as Integer or Double, enums lower case). */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("batch_size", batchSize);
        map.put("optimizer", optimizer.id());
        map.put("learning_rate", (double) learningRate);
        map.put("momentum", (double) momentum);
        map.put("epochs", epochs);
        map.put("weight_bits", weightBits);
        map.put("activation_integer_bits", activationIntegerBits);
        map.put("activation_fraction_bits", activationFractionBits);
        map.put("shift_type", shiftType.name());
        map.put("rounding", rounding.name().toLowerCase(Locale.ROOT));
        map.put("weight_decay", (double) weightDecay);
        map.put("lr_schedule", lrSchedule);
        return map;
    }

    /** Shift-layer settings of this configuration. */
    public ShiftSettings shiftSettings() {
        return new ShiftSettings(
                shiftType,
                weightBits,
                rounding,
                new FixedPoint(activationIntegerBits, activationFractionBits));
    }

    /** Optimiser settings of this configuration. */
    public OptimizerSettings optimizerSettings() {
        return new OptimizerSettings(optimizer, learningRate, momentum, weightDecay);
    }

    /** Learning-rate schedule over {@code totalEpochs}. */
    public LearningRateSchedule schedule(int totalEpochs) {
        return switch (lrSchedule) {
            case "cosine" -> LearningRateSchedule.cosine(learningRate, totalEpochs);
            case "constant" -> LearningRateSchedule.constant(learningRate);
            default -> LearningRateSchedule.referenceSteps(learningRate, totalEpochs);
        };
    }

    static int integer(Map<String, ?> values, String key, int fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        double number = value instanceof Number n ? n.doubleValue() : parse(key, value);
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be an integer, got " + value);
        }
        return (int) number;
    }

    static double number(Map<String, ?> values, String key, double fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        return value instanceof Number n ? n.doubleValue() : parse(key, value);
    }

    private static double parse(String key, Object value) {
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + value + "'", e);
        }
    }

    private static String text(Map<String, ?> values, String key, String fallback) {
        Object value = values.get(key);
        return value == null ? fallback : value.toString().toLowerCase(Locale.ROOT);
    }
}
