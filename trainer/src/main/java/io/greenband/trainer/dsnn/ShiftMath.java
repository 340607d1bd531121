package io.greenband.trainer.dsnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * Element-wise building blocks of the shift layers: straight-through estimator, rounding, powers of
 * two.
 */
public final class ShiftMath {

    private static final NDIndex ALL = new NDIndex("...");

    private ShiftMath() {}

    /**
     * Forward value {@code q}, gradient of {@code x} (identity): {@code x + sg(q - x)}. The
     * difference is taken between detached views, so it records no autograd graph; the caller still
     * owns {@code q}.
     */
    public static NDArray ste(NDArray x, NDArray q) {
        try (NDArray xd = x.stopGradient();
                NDArray qd = q.stopGradient();
                NDArray diff = qd.sub(xd)) {
            return x.add(diff);
        }
    }

    /**
     * Deterministic (half to even) or stochastic rounding, element-wise, without a gradient path.
     */
    public static NDArray round(NDArray x, Rounding rounding) {
        if (rounding == Rounding.DETERMINISTIC) {
            return x.round();
        }
        try (NDArray floor = x.floor();
                NDArray uniform =
                        x.getManager()
                                .randomUniform(
                                        0f, 1f, x.getShape(), x.getDataType(), x.getDevice());
                NDArray fraction = x.sub(floor);
                NDArray up = uniform.lt(fraction);
                NDArray step = up.toType(x.getDataType(), false)) {
            return floor.add(step);
        }
    }

    /**
     * {@code 2^exponent}, element-wise. {@code pow} with base 2 is exact for integer exponents
     * ({@code exp(k ln 2)} is not) and its gradient is {@code 2^exponent ln 2}.
     */
    public static NDArray pow2(NDArray exponent) {
        try (NDArray two =
                exponent.getManager()
                        .full(
                                exponent.getShape(),
                                2f,
                                exponent.getDataType(),
                                exponent.getDevice())) {
            return two.pow(exponent);
        }
    }

    /** 1 where {@code x} is exactly zero, 0 elsewhere, in {@code x}'s data type. */
    public static NDArray zeroMask(NDArray x) {
        return x.eq(0f)
                .toType(
                        x.getDataType() == DataType.BOOLEAN ? DataType.FLOAT32 : x.getDataType(),
                        false);
    }

    /** Overwrites every element of {@code target} with {@code value} in place (bit-exact copy). */
    public static void assign(NDArray target, NDArray value) {
        target.set(ALL, value);
    }
}
