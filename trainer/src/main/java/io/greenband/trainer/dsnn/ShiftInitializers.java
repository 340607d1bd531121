package io.greenband.trainer.dsnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * Initialisers of shift layers. Dense weights follow PyTorch's default {@code U(-1/sqrt(fanIn),
 * 1/sqrt(fanIn))}; PS tensors are that dense draw converted ({@code P = rnd(log2|W0|)}, {@code S =
 * sgn(W0)}), which is what the reference's CIFAR script does even "from scratch".
 */
public final class ShiftInitializers {

    private ShiftInitializers() {}

    /** {@code U(-1/sqrt(fanIn), 1/sqrt(fanIn))}, for dense and Q weights and for biases. */
    public static Initializer uniformFanIn(long fanIn) {
        float bound = (float) (1.0 / Math.sqrt(fanIn));
        return (manager, shape, dataType) -> manager.randomUniform(-bound, bound, shape, dataType);
    }

    /**
     * PS shift: {@code rnd(log2 |W0|)} of a dense draw, clipped to {@code [minShift, 0]}. The
     * magnitude of {@code U(-a, a)} is {@code U(0, a)} and independent of the sign, so shift and
     * sign can be drawn separately.
     */
    public static Initializer shiftFromDense(long fanIn, int minShift) {
        float bound = (float) (1.0 / Math.sqrt(fanIn));
        return (NDManager manager, Shape shape, DataType dataType) -> {
            NDArray magnitude = manager.randomUniform(0f, bound, shape, dataType);
            NDArray safe =
                    magnitude.add(ShiftMath.zeroMask(magnitude).mul(Math.scalb(1f, minShift)));
            return safe.log2().round().clip(minShift, 0);
        };
    }

    /** PS sign: {@code sgn(W0)} of a dense draw, that is +1 or -1 with equal probability. */
    public static Initializer signFromDense() {
        return (manager, shape, dataType) ->
                manager.randomUniform(0f, 1f, shape, dataType)
                        .lt(0.5f)
                        .toType(dataType, false)
                        .mul(2)
                        .sub(1);
    }
}
