package io.greenband.trainer.optim;

import ai.djl.ndarray.NDArray;

/**
 * RMSProp as in PyTorch (not centred): {@code s = alpha*s + (1-alpha) g^2}; without momentum {@code
 * w -= lr * g/(sqrt(s)+eps)}, with momentum {@code b = mu*b + g/(sqrt(s)+eps)}, {@code w -= lr*b}.
 */
public final class RmsPropOptimizer extends GroupedOptimizer {

    private static final float ALPHA = 0.99f;
    private static final float EPS = 1e-8f;
    private final float momentum;

    /**
     * @param momentum momentum factor in [0, 1)
     */
    public RmsPropOptimizer(Builder builder, float momentum) {
        super(builder);
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
    }

    @Override
    protected NDArray[] newState(NDArray weight) {
        return new NDArray[] {zerosLike(weight), zerosLike(weight)};
    }

    @Override
    protected void apply(
            NDArray weight, NDArray grad, NDArray[] state, int step, float lr, float weightDecay) {
        NDArray g = withL2(weight, grad, weightDecay);
        NDArray square = state[0].muli(ALPHA).addi(g.square().mul(1 - ALPHA));
        NDArray scaled = g.div(square.sqrt().add(EPS));
        if (momentum == 0) {
            weight.subi(scaled.mul(lr));
            return;
        }
        NDArray buffer = state[1].muli(momentum).addi(scaled);
        weight.subi(buffer.mul(lr));
    }
}
