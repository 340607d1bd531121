package io.greenband.trainer.runner;

import java.util.Map;
import java.util.Set;

/**
 * The budget a trial runs at.
 *
 * @param shiftDepth {@code shift_depth}: how many final convolutions are shift layers (0 none, 19+ all)
 * @param epochs {@code epochs} overriding the configuration's, or null to keep it
 * @param dataFraction {@code data_fraction} of the training images, in (0, 1]
 */
public record Fidelity(int shiftDepth, Integer epochs, double dataFraction) {

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
            throw new IllegalArgumentException("data_fraction must be in (0, 1], got " + dataFraction);
        }
    }

    /** Every layer shifted, the configuration's epochs, all data. */
    public static Fidelity full() {
        return new Fidelity(ALL_LAYERS, null, 1.0);
    }

    /** Parses a fidelity map; absent keys mean the full budget, unknown keys are refused. */
    public static Fidelity fromMap(Map<String, ?> values) {
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown fidelity key '" + key + "'; known keys: " + KEYS);
            }
        }
        Integer epochs = values.get("epochs") == null ? null : TrialConfig.integer(values, "epochs", 1);
        return new Fidelity(TrialConfig.integer(values, "shift_depth", ALL_LAYERS), epochs,
                TrialConfig.number(values, "data_fraction", 1.0));
    }

    /** Epochs to train: this fidelity's, else the configuration's. */
    public int epochsFor(TrialConfig config) {
        return epochs != null ? epochs : config.epochs();
    }
}
