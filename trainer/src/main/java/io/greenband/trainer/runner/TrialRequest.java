package io.greenband.trainer.runner;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One trial to run.
 *
 * @param trialId identifier used in progress, results and file names
 * @param config hyperparameters: a {@link TrialConfig} for the DSNN, a {@link CommandConfig} for a
 *     program
 * @param fidelity budget
 * @param seed seed of weights, shuffling, augmentation and stochastic rounding
 * @param data image source
 * @param evaluateTest whether to score the test set at the end (final evaluations, not search)
 * @param modelDir folder to save the trained model into, or null to skip saving
 */
public record TrialRequest(
        String trialId,
        Hyperparameters config,
        Fidelity fidelity,
        long seed,
        DataSource data,
        boolean evaluateTest,
        Path modelDir) {

    /** Checks the required fields. */
    public TrialRequest {
        if (trialId == null || !trialId.matches("[A-Za-z0-9._-]{1,128}")) {
            throw new IllegalArgumentException(
                    "trialId must be 1-128 characters of [A-Za-z0-9._-], got '" + trialId + "'");
        }
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(fidelity, "fidelity");
        Objects.requireNonNull(data, "data");
    }

    /** The DSNN configuration; a command trial's pass-through configuration has none. */
    public TrialConfig dsnnConfig() {
        if (config instanceof TrialConfig dsnn) {
            return dsnn;
        }
        throw new IllegalStateException(
                "trial " + trialId + " carries a command configuration, not a DSNN one");
    }
}
