package io.greenband.trainer.dsnn;

import java.util.Locale;

/** Rounding of shift exponents (and PS signs) during training. */
public enum Rounding {
    /** Round half to even. */
    DETERMINISTIC,
    /** Round down, then up with probability equal to the fractional part. */
    STOCHASTIC;

    /** Parses {@code deterministic} or {@code stochastic} (any case). */
    public static Rounding parse(String text) {
        if (text != null) {
            for (Rounding rounding : values()) {
                if (rounding.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return rounding;
                }
            }
        }
        throw new IllegalArgumentException(
                "rounding must be deterministic or stochastic, got '" + text + "'");
    }
}
