package io.greenband.suggester.core.study;

import io.greenband.suggester.core.history.FailurePolicy;
import io.greenband.suggester.core.history.HistoryView;
import io.greenband.suggester.core.history.TrialRecord;
import io.greenband.suggester.core.history.TrialStatus;
import io.greenband.suggester.core.objective.Aggregation;
import io.greenband.suggester.core.objective.ObjectiveBounds;
import io.greenband.suggester.core.schedule.BracketPlan;
import io.greenband.suggester.core.surrogate.FeatureEncoder;
import io.greenband.suggester.core.surrogate.LogScaledResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The surrogate's training set for one weight vector: rows at the highest budget with enough
 * results (or at every budget, with the budget as a feature), costs normalized by the history's
 * bounds, scalarized, then log-scaled. Failures enter at the worst observed cost or not at all, per
 * the failure policy.
 */
final class TrainingData {

    final double[][] x;
    final double[] y;

    /** Distinct configurations among the rows, in first-seen order. */
    final List<double[]> configs;

    /** Where predictions are made, on the budget-feature scale. */
    final double targetUnit;

    private TrainingData(double[][] x, double[] y, List<double[]> configs, double targetUnit) {
        this.x = x;
        this.y = y;
        this.configs = configs;
        this.targetUnit = targetUnit;
    }

    /** The training set, or null when no budget has enough usable rows yet. */
    static TrainingData build(
            HistoryView h,
            BracketPlan plan,
            FeatureEncoder encoder,
            Aggregation aggregation,
            double[] weights,
            FailurePolicy policy,
            int minRows,
            int maxRows,
            SplittableRandom subsample) {
        ObjectiveBounds bounds = h.bounds();
        if (bounds.isEmpty()) {
            return null;
        }
        List<TrialRecord> rows = new ArrayList<>();
        double targetUnit = 1.0;
        if (encoder.hasBudgetFeature()) {
            for (int level = 0; level < h.levels(); level++) {
                addUsable(h.finishedAt(level), policy, rows);
            }
        } else {
            for (int level = h.levels() - 1; level >= 0 && rows.size() < minRows; level--) {
                rows.clear();
                addUsable(h.finishedAt(level), policy, rows);
                targetUnit = plan.levelUnit(level);
            }
        }
        if (rows.size() < minRows) {
            return null;
        }
        if (rows.size() > maxRows) {
            rows = subsample(rows, maxRows, subsample);
        }
        int m = h.objectives();
        double[] worst = new double[m];
        for (int i = 0; i < m; i++) {
            worst[i] = bounds.max(i);
        }
        double[] normalized = new double[m];
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        Map<Long, double[]> configs = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            TrialRecord t = rows.get(r);
            bounds.normalize(t.status() == TrialStatus.SUCCESS ? t.costs() : worst, normalized);
            y[r] = aggregation.scalarize(normalized, weights);
            double[] vector = h.config(t.configId()).vector();
            x[r] = encoder.row(vector, plan.levelUnit(t.level()));
            configs.putIfAbsent(t.configId(), vector);
        }
        return new TrainingData(
                x, LogScaledResponse.transform(y), new ArrayList<>(configs.values()), targetUnit);
    }

    private static void addUsable(
            List<TrialRecord> finished, FailurePolicy policy, List<TrialRecord> out) {
        for (TrialRecord t : finished) {
            if (t.status() == TrialStatus.SUCCESS || policy == FailurePolicy.WORST_OBSERVED) {
                out.add(t);
            }
        }
    }

    /** A uniform random subset of {@code k} rows, kept in their original order. */
    private static List<TrialRecord> subsample(
            List<TrialRecord> rows, int k, SplittableRandom rng) {
        int n = rows.size();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = Arrays.copyOf(idx, k);
        Arrays.sort(chosen);
        List<TrialRecord> out = new ArrayList<>(k);
        for (int i : chosen) {
            out.add(rows.get(i));
        }
        return out;
    }
}
