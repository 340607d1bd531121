package io.greenband.events.payload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The fidelity (budget) knob of a multi-fidelity study: which knob, its range and the reduction
 * factor. For DSNNs the paper's knob is {@code shift_depth} (0–20: how many of the last layers are
 * shift layers).
 *
 * @param knob which training knob the budget sets
 * @param min the smallest budget (must be > 0 for hyperband and asha)
 * @param max the largest budget, also the budget of the random scheduler
 * @param eta reduction factor between rungs, >= 2; defaults to {@link #DEFAULT_ETA}
 */
public record Fidelity(Knob knob, double min, double max, Integer eta) {

    /** Hyperband's usual reduction factor (SMAC's default). */
    public static final int DEFAULT_ETA = 3;

    public Fidelity {
        FieldChecks.present(knob, "knob");
        FieldChecks.atLeast(min, 0, "min");
        FieldChecks.finite(max, "max");
        if (max <= min) {
            throw new InvalidFieldException("max", "max must be > min (" + min + "), got " + max);
        }
        if (eta == null) {
            eta = DEFAULT_ETA;
        }
        FieldChecks.atLeast(eta, 2, "eta");
        if (knob == Knob.DATA_FRACTION && (min <= 0 || max > 1)) {
            throw new InvalidFieldException(
                    min <= 0 ? "min" : "max",
                    "data_fraction budgets must lie in (0, 1], got min " + min + " and max " + max);
        }
        if (knob != Knob.DATA_FRACTION && (min != Math.rint(min) || max != Math.rint(max))) {
            throw new InvalidFieldException(
                    min != Math.rint(min) ? "min" : "max",
                    knob.json() + " budgets are whole numbers, got min " + min + " and max " + max);
        }
    }

    /** The training knob a fidelity value sets. */
    public enum Knob {
        /** Number of trailing layers converted to shift layers (the paper's fidelity). */
        SHIFT_DEPTH,
        /** Training epochs. */
        EPOCHS,
        /** Fraction of the training set used, in (0, 1]. */
        DATA_FRACTION;

        /** The JSON spelling, e.g. {@code shift_depth}. */
        @JsonValue
        public String json() {
            return JsonEnums.json(this);
        }

        /** Reads the JSON spelling (any case). */
        @JsonCreator
        public static Knob fromJson(String text) {
            return JsonEnums.parse(Knob.class, text, "knob");
        }
    }
}
