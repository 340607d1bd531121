package io.greenband.aggregator.core.objective;

/** Quantities the aggregator's energy accounting can supply as objectives. */
public enum EnergyQuantity {
  /** Emissions of the trial in grams CO2eq (facility energy x intensity). */
  EMISSIONS_G("emissions_g"),
  /** IT energy attributed to the trial over its whole window, in joules. */
  TRAIN_JOULES("train_joules"),
  /** IT energy of the trial's inference phase per 1,000 inputs, in joules. */
  INFERENCE_JOULES_PER_1K("inference_joules_per_1k");

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
    throw new IllegalArgumentException("energy quantity '" + key
        + "' is unknown: use emissions_g, train_joules or inference_joules_per_1k");
  }
}
