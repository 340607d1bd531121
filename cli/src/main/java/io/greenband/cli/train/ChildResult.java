package io.greenband.cli.train;

import java.util.Map;

/**
 * What the child JVM reports for one training: the trainer's status, error and metrics under their
 * event names, and what the JVM used while it trained. The trainer's {@code FixedTraining.Result}
 * writes it, as JSON after {@link #MARKER}; the two records keep the same components.
 *
 * @param succeeded whether the trial completed
 * @param error the trainer's failure reason (kind first), null when it succeeded
 * @param metrics metrics as a trial-finished event names them ({@code val_error}, {@code
 *     test_accuracy}, ...)
 * @param cpuSeconds CPU time of the child JVM during the training (all threads)
 * @param wallSeconds wall time of the training
 * @param residentBytes the child's resident memory at the end of the training
 */
public record ChildResult(
        boolean succeeded,
        String error,
        Map<String, Double> metrics,
        double cpuSeconds,
        double wallSeconds,
        double residentBytes) {

    /** The line prefix that marks the result among the child's output. */
    public static final String MARKER = "GREENBAND_FIXED_RESULT ";

    /** Copies the metrics. */
    public ChildResult {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** A metric, NaN when absent. */
    public double metric(String name) {
        Double value = metrics.get(name);
        return value == null ? Double.NaN : value;
    }
}
