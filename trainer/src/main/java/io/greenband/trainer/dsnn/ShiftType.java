package io.greenband.trainer.dsnn;

import java.util.Locale;

/** How a shift layer parameterises its power-of-two weights. */
public enum ShiftType {
    /** DeepShift-Q: a latent float weight rounded to a signed power of two in the log domain. */
    Q,
    /**
     * DeepShift-PS: trainable shift and sign tensors; the sign is ternary so zero weights exist.
     */
    PS;

    /** Parses {@code Q} or {@code PS} (any case); the message names the accepted values. */
    public static ShiftType parse(String text) {
        if (text != null) {
            for (ShiftType type : values()) {
                if (type.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("shift_type must be Q or PS, got '" + text + "'");
    }
}
