package io.greenband.trainer.optim;

import ai.djl.ndarray.NDArray;

/**
 * SGD with PyTorch's momentum form: {@code b = mu*b + (g + wd*w)} (b = g at the first step), {@code
 * w -= lr*b}; plain SGD when momentum is 0.
 */
public final class SgdOptimizer extends GroupedOptimizer {

    private final float momentum;

    /**
     * @param momentum momentum factor in [0, 1)
     */
    public SgdOptimizer(Builder builder, float momentum) {
        super(builder);
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
    }

    @Override
    protected NDArray[] newState(NDArray weight) {
        return new NDArray[] {zerosLike(weight)};
    }

    @Override
    protected void apply(
            NDArray weight, NDArray grad, NDArray[] state, int step, float lr, float weightDecay) {
        NDArray g = withL2(weight, grad, weightDecay);
        if (momentum == 0) {
            weight.subi(g.mul(lr));
            return;
        }
        NDArray buffer = state[0];
        if (step > 1) {
            buffer.muli(momentum);
        }
        buffer.addi(g);
        weight.subi(buffer.mul(lr));
    }
}
