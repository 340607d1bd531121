package io.greenband.aggregator.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trial attempt's learning curve: the metrics its {@code trial-progress} events reported, one
 * point per epoch.
 *
 * @param trialId the trial
 * @param attempt the attempt
 * @param epochs epochs planned, null when not reported
 * @param points one point per epoch, in epoch order
 */
public record StoredCurve(String trialId, int attempt, Integer epochs, List<Point> points) {

    /**
     * The metrics reported at the end of one epoch (the last report of that epoch wins).
     *
     * @param epoch epochs completed
     * @param metrics metric name to value
     * @param at when it was reported
     */
    public record Point(int epoch, Map<String, Double> metrics, Instant at) {}
}
