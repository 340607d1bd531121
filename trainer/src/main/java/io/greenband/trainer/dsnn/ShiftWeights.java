package io.greenband.trainer.dsnn;

import ai.djl.ndarray.NDArray;

/**
 * The DeepShift-Q and DeepShift-PS weight maps: from latent parameters to signed powers of two,
 * with the straight-through gradients of the reference.
 */
public final class ShiftWeights {

    private ShiftWeights() {}

    /**
     * Q latent clamp: {@code sgn(W) * clip(|W|, 2^minShift, 1)}; exact zeros stay zero. No gradient.
     */
    public static NDArray clampQ(NDArray w, int minShift) {
        return w.sign().mul(w.abs().clip(Math.scalb(1.0, minShift), 1.0));
    }

    /**
     * Q quantisation without gradient: {@code sgn(W) * 2^R(log2|W|)}, exponent clipped to
     * {@code [minShift, 0]}. Zeros map to zero (their log is masked, so stochastic rounding
     * never sees {@code -inf}).
     */
    public static NDArray quantizeQ(NDArray w, int minShift, Rounding rounding) {
        NDArray magnitude = w.abs();
        NDArray safe = magnitude.add(ShiftMath.zeroMask(magnitude));
        NDArray exponent = ShiftMath.round(safe.log2(), rounding).clip(minShift, 0);
        return w.sign().mul(ShiftMath.pow2(exponent));
    }

    /** Q weight for the forward pass: quantised values, identity gradient to the latent weight. */
    public static NDArray weightQ(NDArray w, int minShift, Rounding rounding) {
        return ShiftMath.ste(w, quantizeQ(w, minShift, rounding).stopGradient());
    }

    /** PS shift clamp to {@code [minShift, 0]}. No gradient. */
    public static NDArray clampShift(NDArray shift, int minShift) {
        return shift.clip(minShift, 0);
    }

    /** PS ternary sign without gradient: {@code sgn(R(S))} in {-1, 0, +1}. */
    public static NDArray ternarySign(NDArray sign, Rounding rounding) {
        return ShiftMath.round(sign, rounding).sign();
    }

    /**
     * PS weight {@code sgn(R(S)) * 2^R(P)} with the reference's gradients:
     * {@code dL/dP = g * W * ln 2} and {@code dL/dS = g}.
     */
    public static NDArray weightPs(NDArray shift, NDArray sign, Rounding rounding) {
        NDArray roundedShift = ShiftMath.ste(shift, ShiftMath.round(shift, rounding).stopGradient());
        NDArray roundedSign = ShiftMath.ste(sign, ternarySign(sign, rounding).stopGradient());
        NDArray magnitude = ShiftMath.pow2(roundedShift);
        NDArray signValue = roundedSign.stopGradient();
        // product whose gradient is (g * sign) for the magnitude and plain g for the sign latent
        return magnitude.mul(signValue).add(roundedSign.sub(signValue));
    }
}
