package io.greenband.trainer.dsnn;

import java.util.Objects;

/**
 * How every shift layer of a network quantises: shift type, weight bits, rounding and the
 * fixed-point format of layer inputs.
 *
 * @param type DeepShift-Q or DeepShift-PS
 * @param weightBits bits per stored weight, sign included, 2 to 8
 * @param rounding rounding of exponents (and PS signs) while training; evaluation is deterministic
 * @param activations fixed-point format of every shift layer's input (and bias)
 */
public record ShiftSettings(
        ShiftType type, int weightBits, Rounding rounding, FixedPoint activations) {

    /** Smallest and largest weight bit count accepted. */
    public static final int MIN_WEIGHT_BITS = 2;

    /** Largest weight bit count accepted. */
    public static final int MAX_WEIGHT_BITS = 8;

    /** Checks the fields, naming the offending one. */
    public ShiftSettings {
        Objects.requireNonNull(type, "shift_type");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(activations, "activations");
        if (weightBits < MIN_WEIGHT_BITS || weightBits > MAX_WEIGHT_BITS) {
            throw new IllegalArgumentException(
                    "weight_bits must be in ["
                            + MIN_WEIGHT_BITS
                            + ", "
                            + MAX_WEIGHT_BITS
                            + "], got "
                            + weightBits);
        }
    }

    /** DeepShift-Q, 5 bits, deterministic, 16.16 activations: the reference defaults. */
    public static ShiftSettings defaults(ShiftType type) {
        return new ShiftSettings(type, 5, Rounding.DETERMINISTIC, FixedPoint.DEFAULT);
    }

    /**
     * Smallest shift (most negative exponent). Q spends one bit on a binary sign, so {@code
     * -(2^(b-1) - 1)}; PS needs a code for zero, so {@code -(2^(b-1) - 2)}. The largest shift is
     * always 0: weight magnitudes never exceed 1.
     */
    public int minShift() {
        int magnitudes = 1 << (weightBits - 1);
        return type == ShiftType.Q ? -(magnitudes - 1) : -(magnitudes - 2);
    }
}
