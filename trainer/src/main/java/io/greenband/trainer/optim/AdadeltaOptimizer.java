package io.greenband.trainer.optim;

import ai.djl.ndarray.NDArray;

/**
 * Adadelta as in PyTorch: {@code s = rho*s + (1-rho) g^2}, {@code d = sqrt(a + eps)/sqrt(s + eps) *
 * g}, {@code a = rho*a + (1-rho) d^2}, {@code w -= lr*d}.
 */
public final class AdadeltaOptimizer extends GroupedOptimizer {

    private static final float RHO = 0.9f;
    private static final float EPS = 1e-6f;

    /** Adadelta with the PyTorch defaults. */
    public AdadeltaOptimizer(Builder builder) {
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
        NDArray square = state[0].muli(RHO).addi(g.square().mul(1 - RHO));
        NDArray delta = state[1].add(EPS).sqrt().div(square.add(EPS).sqrt()).mul(g);
        state[1].muli(RHO).addi(delta.square().mul(1 - RHO));
        weight.subi(delta.mul(lr));
    }
}
