package io.greenband.trainer.optim;

import ai.djl.ndarray.NDArray;

/**
 * Rectified Adam (Liu et al., the early formulation used by DeepShift) for DJL.
 *
 * <pre>
 * w -= lr * wd * w                                   (decoupled decay, first)
 * m = b1 m + (1-b1) g;   v = b2 v + (1-b2) g^2
 * rho_inf = 2/(1-b2) - 1;   rho_t = rho_inf - 2 t b2^t / (1-b2^t)
 * adaptive (rho_t >= 5):  w -= lr * r_t/(1-b1^t) * m/(sqrt(v)+eps),
 *     r_t = sqrt((1-b2^t)(rho_t-4)(rho_t-2) rho_inf / ((rho_inf-4)(rho_inf-2) rho_t))
 * otherwise:              w -= lr/(1-b1^t) * m
 * </pre>
 *
 * With {@code b2 = 0.999} the adaptive step starts at {@code t = 6}.
 */
public class RAdam extends GroupedOptimizer {

    /** Default first-moment decay. */
    public static final float BETA1 = 0.9f;

    /** Default second-moment decay. */
    public static final float BETA2 = 0.999f;

    /** Default denominator epsilon. */
    public static final float EPS = 1e-8f;

    private final float beta1;
    private final float beta2;
    private final float eps;
    private final boolean strictThreshold;

    /**
     * RAdam with beta1 0.9, beta2 0.999, eps 1e-8 and the adaptive step from {@code rho_t >= 5}.
     */
    public RAdam(Builder builder) {
        this(builder, BETA1, BETA2, EPS, false);
    }

    /**
     * @param strictThreshold adaptive step only when {@code rho_t > 5} (Ranger) instead of {@code
     *     >= 5}
     */
    protected RAdam(Builder builder, float beta1, float beta2, float eps, boolean strictThreshold) {
        super(builder);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.strictThreshold = strictThreshold;
    }

    @Override
    protected NDArray[] newState(NDArray weight) {
        return new NDArray[] {zerosLike(weight), zerosLike(weight)};
    }

    @Override
    protected void apply(
            NDArray weight, NDArray grad, NDArray[] state, int step, float lr, float weightDecay) {
        if (weightDecay != 0) {
            weight.subi(weight.mul(lr * weightDecay));
        }
        NDArray m = state[0].muli(beta1).addi(grad.mul(1 - beta1));
        NDArray v = state[1].muli(beta2).addi(grad.square().mul(1 - beta2));
        double beta2t = Math.pow(beta2, step);
        double bias1 = 1 - Math.pow(beta1, step);
        double rhoInf = 2 / (1 - (double) beta2) - 1;
        double rho = rhoInf - 2 * step * beta2t / (1 - beta2t);
        boolean adaptive = strictThreshold ? rho > 5 : rho >= 5;
        if (adaptive) {
            double rect =
                    Math.sqrt(
                            (1 - beta2t)
                                    * (rho - 4)
                                    * (rho - 2)
                                    * rhoInf
                                    / ((rhoInf - 4) * (rhoInf - 2) * rho));
            weight.subi(m.div(v.sqrt().add(eps)).mul(lr * rect / bias1));
        } else {
            weight.subi(m.mul(lr / bias1));
        }
    }
}
