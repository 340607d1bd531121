package io.greenband.trainer.optim;

import ai.djl.ndarray.NDArray;
import io.greenband.trainer.dsnn.ShiftMath;

/**
 * Ranger (version 9.3.19, no gradient centralisation): {@link RAdam} with beta1 0.95, beta2 0.999,
 * eps 1e-5 and the adaptive step from {@code rho_t > 5}, wrapped in Lookahead: slow weights start
 * as the weights before the first update; every {@code k}-th update {@code slow += alpha (w -
 * slow)} and {@code w = slow}.
 */
public final class Ranger extends RAdam {

    /** Lookahead period. */
    public static final int K = 6;

    /** Lookahead interpolation factor. */
    public static final float ALPHA = 0.5f;

    /** Ranger with k = 6 and alpha = 0.5, as the reference CIFAR script uses it. */
    public Ranger(Builder builder) {
        super(builder, 0.95f, 0.999f, 1e-5f, true);
    }

    @Override
    protected NDArray[] newState(NDArray weight) {
        NDArray[] radam = super.newState(weight);
        return new NDArray[] {radam[0], radam[1], weight.duplicate()};
    }

    @Override
    protected void apply(
            NDArray weight, NDArray grad, NDArray[] state, int step, float lr, float weightDecay) {
        super.apply(weight, grad, state, step, lr, weightDecay);
        if (step % K == 0) {
            NDArray slow = state[2];
            slow.addi(weight.sub(slow).mul(ALPHA));
            ShiftMath.assign(weight, slow);
        }
    }
}
