package io.greenband.trainer.optim;

import ai.djl.ndarray.NDArray;

/** Adagrad as in PyTorch: {@code s += g^2}, {@code w -= lr * g / (sqrt(s) + 1e-10)}. */
public final class AdagradOptimizer extends GroupedOptimizer {

    private static final float EPS = 1e-10f;

    /** Adagrad with the PyTorch defaults (no learning-rate decay, zero initial accumulator). */
    public AdagradOptimizer(Builder builder) {
        super(builder);
    }

    @Override
    protected NDArray[] newState(NDArray weight) {
        return new NDArray[] {zerosLike(weight)};
    }

    @Override
    protected void apply(
            NDArray weight, NDArray grad, NDArray[] state, int step, float lr, float weightDecay) {
        NDArray g = withL2(weight, grad, weightDecay);
        NDArray sum = state[0].addi(g.square());
        weight.subi(g.div(sum.sqrt().add(EPS)).mul(lr));
    }
}
