package io.greenband.aggregator.core.objective;

/**
 * Quantities the aggregator's energy accounting can supply as objectives ({@code energy:<key>}).
 */
public enum EnergyQuantity {
    /** Emissions of the trial in grams CO2eq (facility energy x intensity). */
    EMISSIONS_G("emissions_g"),
    /** IT energy of the trial's window minus its inference phase, in joules. */
    TRAIN_JOULES("train_joules"),
    /** {@link #TRAIN_JOULES} in kWh. */
    TRAIN_KWH("train_kwh"),
    /** IT energy of the trial's whole window (training and inference), in joules. */
    TOTAL_JOULES("total_joules"),
    /**
     * IT energy of the trial's inference per 1,000 inputs, in joules: the measured inference phase,
     * else the window's energy split by the trainer's training and inference seconds, over its
     * {@code inference_images}.
     */
    INFERENCE_JOULES_PER_1K("inference_joules_per_1k"),
    /**
     * Training energy per training image, in joules (the trainer's {@code training_images}; split
     * as above).
     */
    TRAIN_JOULES_PER_IMAGE("train_joules_per_image");

    private final String key;

    EnergyQuantity(String key) {
        this.key = key;
    }

    /** The name after {@code energy:}. */
    public String key() {
        return key;
    }

    /** Parses the name after {@code energy:}. */
    public static EnergyQuantity fromKey(String key) {
        for (EnergyQuantity q : values()) {
            if (q.key.equals(key)) {
                return q;
            }
        }
        throw new IllegalArgumentException(
                "energy quantity '"
                        + key
                        + "' is unknown: use emissions_g, train_joules, "
                        + "train_kwh, total_joules, inference_joules_per_1k or train_joules_per_image");
    }
}
