package io.greenband.trainer.runner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The budget a trial runs at.
 *
 * @param shiftDepth {@code shift_depth}: how many final convolutions are shift layers (0 none, 19+
 *     all)
 * @param epochs {@code epochs} overriding the configuration's, or null to keep it
 * @param dataFraction {@code data_fraction} of the training images, in (0, 1]
 * @param knob the study's fidelity knob that set this budget (one of {@link #KEYS}), or null when
 *     none did
 */
public record Fidelity(int shiftDepth, Integer epochs, double dataFraction, String knob) {

    /** Fidelity keys. */
    public static final Set<String> KEYS = Set.of("shift_depth", "epochs", "data_fraction");

    /** shift_depth that converts every convolution of ResNet20. */
    public static final int ALL_LAYERS = 19;

    /** Checks the fields. */
    public Fidelity {
        if (shiftDepth < 0) {
            throw new IllegalArgumentException("shift_depth must be >= 0, got " + shiftDepth);
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (!(dataFraction > 0 && dataFraction <= 1)) {
            throw new IllegalArgumentException(
                    "data_fraction must be in (0, 1], got " + dataFraction);
        }
        if (knob != null && !KEYS.contains(knob)) {
            throw new IllegalArgumentException(
                    "unknown fidelity knob '" + knob + "'; known knobs: " + KEYS);
        }
        if ("epochs".equals(knob) && epochs == null) {
            throw new IllegalArgumentException("the epochs knob needs an epochs value");
        }
    }

    /** A budget no study knob set. */
    public Fidelity(int shiftDepth, Integer epochs, double dataFraction) {
        this(shiftDepth, epochs, dataFraction, null);
    }

    /** Every layer shifted, the configuration's epochs, all data. */
    public static Fidelity full() {
        return new Fidelity(ALL_LAYERS, null, 1.0);
    }

    /** Parses a fidelity map; absent keys mean the full budget, unknown keys are refused. */
    public static Fidelity fromMap(Map<String, ?> values) {
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown fidelity key '" + key + "'; known keys: " + KEYS);
            }
        }
        Integer epochs =
                values.get("epochs") == null ? null : TrialConfig.integer(values, "epochs", 1);
        return new Fidelity(
                TrialConfig.integer(values, "shift_depth", ALL_LAYERS),
                epochs,
                TrialConfig.number(values, "data_fraction", 1.0));
    }

    /**
     * The budget {@code value} under the study's {@code knob}; every other key keeps the full
     * budget.
     */
    public static Fidelity of(String knob, double value) {
        Fidelity parsed = fromMap(Map.of(knob, value));
        return new Fidelity(parsed.shiftDepth, parsed.epochs, parsed.dataFraction, knob);
    }

    /** Epochs to train: this fidelity's, else the configuration's. */
    public int epochsFor(TrialConfig config) {
        return epochs != null ? epochs : config.epochs();
    }

    /**
     * The knob's value (an Integer for shift_depth and epochs, a Double for data_fraction), or null
     * without a knob.
     */
    public Object value() {
        return knob == null ? null : valueOf(knob);
    }

    /**
     * The JSON form handed to programs: {@code knob} and {@code value}, then the knob's key and
     * every other key that differs from the full budget (so a program of an {@code epochs} study
     * sees only {@code epochs}).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("knob", knob);
        map.put("value", value());
        for (String key : List.of("shift_depth", "epochs", "data_fraction")) {
            boolean full =
                    switch (key) {
                        case "shift_depth" -> shiftDepth == ALL_LAYERS;
                        case "epochs" -> epochs == null;
                        default -> dataFraction == 1.0;
                    };
            if (key.equals(knob) || !full) {
                map.put(key, valueOf(key));
            }
        }
        return map;
    }

    private Object valueOf(String key) {
        return switch (key) {
            case "shift_depth" -> shiftDepth;
            case "epochs" -> epochs;
            default -> dataFraction;
        };
    }
}
