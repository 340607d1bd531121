package io.greenband.trainer.dsnn;

import ai.djl.ndarray.NDArray;

/**
 * Signed fixed-point format with {@code integerBits} (sign included) and {@code fractionBits}.
 *
 * <p>Values are floored to multiples of {@code 2^-fractionBits} and clipped to {@code
 * [-2^(integerBits-1), 2^(integerBits-1) - 1]}; the upper bound is an integer, as in the DeepShift
 * reference. The gradient passes straight through, clipped values included.
 *
 * @param integerBits integer bits including the sign, 2 to 24
 * @param fractionBits fraction bits, 0 to 24
 */
public record FixedPoint(int integerBits, int fractionBits) {

    /**
     * The reference's default activation format (16 integer, 16 fraction bits): nearly lossless.
     */
    public static final FixedPoint DEFAULT = new FixedPoint(16, 16);

    /**
     * Checks the bit counts; {@code integerBits = 1} is refused (the reference's degenerate case).
     */
    public FixedPoint {
        if (integerBits < 2 || integerBits > 24) {
            throw new IllegalArgumentException(
                    "activation_integer_bits must be in [2, 24], got " + integerBits);
        }
        if (fractionBits < 0 || fractionBits > 24) {
            throw new IllegalArgumentException(
                    "activation_fraction_bits must be in [0, 24], got " + fractionBits);
        }
    }

    /** Smallest representable value, {@code -2^(integerBits-1)}. */
    public double min() {
        return -Math.scalb(1.0, integerBits - 1);
    }

    /** Largest value the clip allows, {@code 2^(integerBits-1) - 1}. */
    public double max() {
        return Math.scalb(1.0, integerBits - 1) - 1;
    }

    /** Grid step {@code 2^-fractionBits}. */
    public double step() {
        return Math.scalb(1.0, -fractionBits);
    }

    /** Rounds one value onto the grid (reference for tests and exports). */
    public double quantize(double x) {
        double floored = Math.floor(Math.scalb(x, fractionBits)) * step();
        return Math.min(max(), Math.max(min(), floored));
    }

    /**
     * Rounds every element onto the grid, without a gradient path. It works on a detached view (no
     * autograd graph) and frees each temporary as soon as the next operation has consumed it.
     */
    public NDArray quantize(NDArray x) {
        float scale = (float) Math.scalb(1.0, fractionBits);
        try (NDArray detached = x.stopGradient();
                NDArray scaled = detached.mul(scale);
                NDArray floored = scaled.floor()) {
            return floored.divi(scale).clip(min(), max());
        }
    }

    /** Forward: {@link #quantize(NDArray)}; backward: identity (straight-through). */
    public NDArray quantizeSte(NDArray x) {
        try (NDArray q = quantize(x)) {
            return ShiftMath.ste(x, q);
        }
    }
}
