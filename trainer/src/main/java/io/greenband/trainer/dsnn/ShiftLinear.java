package io.greenband.trainer.dsnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Fully connected layer whose weights are signed powers of two (DeepShift-Q or -PS). Unlike the
 * reference, input and bias are rounded to the activation grid for both shift types.
 */
public final class ShiftLinear extends ShiftBlock {

    private final int outFeatures;

    /**
     * @param settings quantisation settings
     * @param inFeatures input features
     * @param outFeatures output features
     * @param withBias whether to add a bias
     */
    public ShiftLinear(ShiftSettings settings, int inFeatures, int outFeatures, boolean withBias) {
        super(settings, new Shape(outFeatures, inFeatures), inFeatures, withBias);
        if (inFeatures < 1 || outFeatures < 1) {
            throw new IllegalArgumentException(
                    "ShiftLinear needs positive feature counts, got in="
                            + inFeatures
                            + " out="
                            + outFeatures);
        }
        this.outFeatures = outFeatures;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        try (NDArray input = settings.activations().quantizeSte(x);
                NDArray w = effectiveWeight(store, x.getDevice(), training);
                NDArray b = effectiveBias(store, x.getDevice(), training)) {
            return Linear.linear(input, w, b);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outFeatures)};
    }
}
