package io.greenband.trainer.dsnn;

import ai.djl.ndarray.NDArray;

/**
 * The DeepShift-Q and DeepShift-PS weight maps: from latent parameters to signed powers of two,
 * with the straight-through gradients of the reference.
 */
public final class ShiftWeights {

    private ShiftWeights() {}

    /**
     * Q latent clamp: {@code sgn(W) * clip(|W|, 2^minShift, 1)}; exact zeros stay zero. No
     * gradient.
     */
    public static NDArray clampQ(NDArray w, int minShift) {
        try (NDArray sign = w.sign();
                NDArray magnitude = w.abs();
                NDArray clipped = magnitude.clip(Math.scalb(1.0, minShift), 1.0)) {
            return sign.mul(clipped);
        }
    }

    /**
     * Q quantisation without gradient: {@code sgn(W) * 2^R(log2|W|)}, exponent clipped to {@code
     * [minShift, 0]}. Zeros map to zero. Stochastic rounding masks their log (so it never sees
     * {@code -inf}); deterministic rounding needs no mask, as {@code log2 0 = -inf} rounds and
     * clips to {@code minShift} and the zero sign still makes the weight 0. Works on a detached
     * view and frees each temporary as soon as it is consumed.
     */
    public static NDArray quantizeQ(NDArray w, int minShift, Rounding rounding) {
        try (NDArray v = w.stopGradient();
                NDArray magnitude = v.abs();
                NDArray log = safeLog2(magnitude, rounding);
                NDArray rounded = ShiftMath.round(log, rounding);
                NDArray exponent = rounded.clip(minShift, 0);
                NDArray power = ShiftMath.pow2(exponent);
                NDArray sign = v.sign()) {
            return sign.mul(power);
        }
    }

    private static NDArray safeLog2(NDArray magnitude, Rounding rounding) {
        if (rounding == Rounding.DETERMINISTIC) {
            return magnitude.log2();
        }
        try (NDArray zeros = ShiftMath.zeroMask(magnitude);
                NDArray safe = magnitude.add(zeros)) {
            return safe.log2();
        }
    }

    /** Q weight for the forward pass: quantised values, identity gradient to the latent weight. */
    public static NDArray weightQ(NDArray w, int minShift, Rounding rounding) {
        try (NDArray q = quantizeQ(w, minShift, rounding)) {
            return ShiftMath.ste(w, q);
        }
    }

    /** PS shift clamp to {@code [minShift, 0]}. No gradient. */
    public static NDArray clampShift(NDArray shift, int minShift) {
        return shift.clip(minShift, 0);
    }

    /** PS ternary sign without gradient: {@code sgn(R(S))} in {-1, 0, +1}. */
    public static NDArray ternarySign(NDArray sign, Rounding rounding) {
        try (NDArray s = sign.stopGradient();
                NDArray rounded = ShiftMath.round(s, rounding)) {
            return rounded.sign();
        }
    }

    /**
     * PS weight {@code sgn(R(S)) * 2^R(P)} with the reference's gradients: {@code dL/dP = g * W *
     * ln 2} and {@code dL/dS = g}.
     */
    public static NDArray weightPs(NDArray shift, NDArray sign, Rounding rounding) {
        try (NDArray p = shift.stopGradient();
                NDArray shiftValue = ShiftMath.round(p, rounding);
                NDArray roundedShift = ShiftMath.ste(shift, shiftValue);
                NDArray ternary = ternarySign(sign, rounding);
                NDArray roundedSign = ShiftMath.ste(sign, ternary);
                NDArray signValue = roundedSign.stopGradient();
                NDArray magnitude = ShiftMath.pow2(roundedShift);
                NDArray weight = magnitude.mul(signValue);
                NDArray zero = roundedSign.sub(signValue)) {
            // product whose gradient is (g * sign) for the magnitude and plain g for the sign
            // latent
            return weight.add(zero);
        }
    }
}
