package io.greenband.trainer.optim;

import java.util.Locale;

/** The optimiser names of the {@code optimizer} hyperparameter. */
public enum OptimizerKind {
    /** SGD with (PyTorch-style) momentum. */
    SGD,
    /** Adam (beta1 0.9, beta2 0.999, eps 1e-8). */
    ADAM,
    /** Adagrad (eps 1e-10). */
    ADAGRAD,
    /** Adadelta (rho 0.9, eps 1e-6). */
    ADADELTA,
    /** RMSProp (alpha 0.99, eps 1e-8, optional momentum). */
    RMSPROP,
    /** Rectified Adam (beta1 0.9, beta2 0.999, eps 1e-8, adaptive from rho_t >= 5). */
    RADAM,
    /** RAdam (beta1 0.95, eps 1e-5, adaptive from rho_t > 5) plus Lookahead (k 6, alpha 0.5). */
    RANGER;

    /** Parses the lower-case name used in configurations (any case accepted). */
    public static OptimizerKind parse(String text) {
        if (text != null) {
            for (OptimizerKind kind : values()) {
                if (kind.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException(
                "optimizer must be one of sgd, adam, adagrad, adadelta, rmsprop, radam, ranger; got '"
                        + text
                        + "'");
    }

    /** The configuration name, lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
