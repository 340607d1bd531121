package io.greenband.trainer.runner;

import java.util.Map;
import java.util.Objects;

/**
 * What a trial produced.
 *
 * @param trialId the request's identifier
 * @param status completed or failed
 * @param metrics named measurements (see {@link MetricNames}); possibly partial when failed
 * @param failure failure kind, null when completed
 * @param error failure reason, null when completed
 * @param modelPath saved model folder, or null
 */
public record TrialResult(
        String trialId,
        TrialStatus status,
        Map<String, Double> metrics,
        TrainerException.Kind failure,
        String error,
        String modelPath) {

    /** Copies the metrics and checks that failures carry a reason. */
    public TrialResult {
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(status, "status");
        metrics = Map.copyOf(metrics);
        if (status == TrialStatus.FAILED && (failure == null || error == null)) {
            throw new IllegalArgumentException(
                    "a FAILED result needs a failure kind and an error message");
        }
    }

    /** A completed trial. */
    public static TrialResult completed(
            String trialId, Map<String, Double> metrics, String modelPath) {
        return new TrialResult(trialId, TrialStatus.COMPLETED, metrics, null, null, modelPath);
    }

    /** A failed trial with what was measured before the failure. */
    public static TrialResult failed(
            String trialId, Map<String, Double> metrics, TrainerException error) {
        return new TrialResult(
                trialId, TrialStatus.FAILED, metrics, error.kind(), error.getMessage(), null);
    }

    /** A metric, or throws naming it when absent. */
    public double metric(String name) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException(
                    "trial "
                            + trialId
                            + " has no metric '"
                            + name
                            + "'; it has "
                            + metrics.keySet());
        }
        return value;
    }
}
