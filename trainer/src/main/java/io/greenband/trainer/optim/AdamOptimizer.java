package io.greenband.trainer.optim;

import ai.djl.ndarray.NDArray;

/**
 * Adam as in PyTorch (L2 weight decay added to the gradient): {@code w -= lr * m_hat /
 * (sqrt(v)/sqrt(1-beta2^t) + eps)}, {@code m_hat = m / (1-beta1^t)}.
 */
public final class AdamOptimizer extends GroupedOptimizer {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    /** Adam with the PyTorch defaults. */
    public AdamOptimizer(Builder builder) {
        super(builder);
    }

    @Override
    protected NDArray[] newState(NDArray weight) {
        return new NDArray[] {zerosLike(weight), zerosLike(weight)};
    }

    @Override
    protected void apply(
            NDArray weight, NDArray grad, NDArray[] state, int step, float lr, float weightDecay) {
        NDArray g = withL2(weight, grad, weightDecay);
        NDArray m = state[0].muli(BETA1).addi(g.mul(1 - BETA1));
        NDArray v = state[1].muli(BETA2).addi(g.square().mul(1 - BETA2));
        double bias1 = 1 - Math.pow(BETA1, step);
        double bias2 = 1 - Math.pow(BETA2, step);
        NDArray denominator = v.sqrt().div(Math.sqrt(bias2)).add(EPS);
        weight.subi(m.div(denominator).mul(lr / bias1));
    }
}
