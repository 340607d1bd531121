package io.greenband.trainer.dsnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * 2-D convolution whose weights are signed powers of two (DeepShift-Q or -PS). The input and bias
 * are rounded to the fixed-point activation grid (straight-through) before the convolution.
 */
public final class ShiftConv2d extends ShiftBlock {

    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;

    /**
     * @param settings quantisation settings
     * @param inChannels input channels
     * @param outChannels output channels (filters)
     * @param kernel square kernel size
     * @param stride stride in both directions
     * @param padding zero padding in both directions
     * @param withBias whether to add a bias
     */
    public ShiftConv2d(
            ShiftSettings settings,
            int inChannels,
            int outChannels,
            int kernel,
            int stride,
            int padding,
            boolean withBias) {
        super(
                settings,
                new Shape(outChannels, inChannels, kernel, kernel),
                (long) inChannels * kernel * kernel,
                withBias);
        if (inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException(
                    "ShiftConv2d needs positive channels, kernel and stride and"
                            + " non-negative padding, got in="
                            + inChannels
                            + " out="
                            + outChannels
                            + " kernel="
                            + kernel
                            + " stride="
                            + stride
                            + " padding="
                            + padding);
        }
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        // the rounded input and weights are freed right after the convolution; autograd keeps what
        // it saved
        try (NDArray input = settings.activations().quantizeSte(x);
                NDArray w = effectiveWeight(store, x.getDevice(), training);
                NDArray b = effectiveBias(store, x.getDevice(), training)) {
            return Conv2d.conv2d(
                    input,
                    w,
                    b,
                    new Shape(stride, stride),
                    new Shape(padding, padding),
                    new Shape(1, 1),
                    1);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {
            new Shape(in.get(0), outChannels, outSize(in.get(2)), outSize(in.get(3)))
        };
    }

    private long outSize(long size) {
        return (size + 2L * padding - kernel) / stride + 1;
    }

    /** Stride of this convolution. */
    public int stride() {
        return stride;
    }

    /** Padding of this convolution. */
    public int padding() {
        return padding;
    }
}
