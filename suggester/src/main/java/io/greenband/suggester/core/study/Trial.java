package io.greenband.suggester.core.study;

import io.greenband.suggester.core.history.Origin;
import java.util.Map;

/**
 * A suggestion returned by {@link Optimizer#ask()}: run {@code config} at {@code budget}, then tell
 * the result under {@code trialId}.
 *
 * @param trialId id to pass to tell
 * @param configId the configuration's id (shared by all budgets of one configuration)
 * @param config hyperparameter values, active ones only
 * @param vector the configuration vector (NaN = inactive)
 * @param budget the fidelity budget
 * @param bracket Hyperband bracket (0 in other modes)
 * @param rung stage in the bracket, or the rung in asynchronous mode
 * @param level index of the budget on the ladder (0 = smallest)
 * @param split counter of the generator split this ask drew from
 * @param seed a seed for the training run, derived from the study seed and the trial id
 * @param promoted true when the configuration moves up from a lower budget
 * @param origin how the configuration was chosen
 * @param weights the ParEGO weight vector of its model, or null
 */
public record Trial(
        long trialId,
        long configId,
        Map<String, Object> config,
        double[] vector,
        double budget,
        int bracket,
        int rung,
        int level,
        long split,
        long seed,
        boolean promoted,
        Origin origin,
        double[] weights) {

    /**
     * One word for the provenance: {@code promotion}, {@code initial}, {@code model} or {@code
     * random}.
     */
    public String originLabel() {
        if (promoted) {
            return "promotion";
        }
        return switch (origin) {
            case INITIAL_DESIGN -> "initial";
            case MODEL -> "model";
            case RANDOM, RANDOM_INTERLEAVE -> "random";
        };
    }
}
