package io.greenband.suggester.core.tpe;

import io.greenband.suggester.core.history.HistoryView;
import io.greenband.suggester.core.history.TrialRecord;
import io.greenband.suggester.core.history.TrialStatus;
import io.greenband.suggester.core.space.ParamKind;
import io.greenband.suggester.core.space.SearchSpace;
import io.greenband.suggester.core.space.VectorSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Proposes a configuration by multi-objective TPE over the results at the highest budget that has
 * at least {@code minRows} of them: {@link GoodSplit} divides them, failures count as bad, one
 * {@link ParzenEstimator} per hyperparameter and side is fitted on the rows where it is active,
 * {@link #CANDIDATES} configurations are drawn from the good densities (inactive entries resolved
 * by the space's conditions) and the one with the largest sum of log(good / bad) over its active
 * entries that was not proposed before is returned. Deterministic for a history and a generator
 * state.
 */
public final class MotpeProposer {

    /**
     * Configurations drawn from the good densities per proposal (Optuna's {@code n_ei_candidates}).
     */
    public static final int CANDIDATES = 24;

    private final SearchSpace space;
    private final HistoryView history;
    private final int minRows;

    /**
     * A proposer over {@code space} reading {@code history}; it proposes once a budget has {@code
     * minRows} results.
     */
    public MotpeProposer(SearchSpace space, HistoryView history, int minRows) {
        this.space = space;
        this.history = history;
        this.minRows = Math.max(2, minRows);
    }

    /**
     * The proposal, or null when no budget has enough results or every candidate was proposed
     * before.
     */
    public double[] propose(SplittableRandom rng) {
        List<double[]> vectors = new ArrayList<>();
        List<double[]> costs = new ArrayList<>();
        List<double[]> failed = new ArrayList<>();
        for (int level = history.levels() - 1; level >= 0 && vectors.size() < minRows; level--) {
            vectors.clear();
            costs.clear();
            failed.clear();
            for (TrialRecord t : history.finishedAt(level)) {
                double[] v = history.config(t.configId()).vector();
                if (t.status() == TrialStatus.SUCCESS) {
                    vectors.add(v);
                    costs.add(t.costs());
                } else {
                    failed.add(v);
                }
            }
        }
        if (vectors.size() < minRows) {
            return null;
        }
        boolean[] good = GoodSplit.good(costs.toArray(double[][]::new));
        List<double[]> goodRows = new ArrayList<>();
        List<double[]> goodCosts = new ArrayList<>();
        List<double[]> badRows = new ArrayList<>(failed);
        for (int i = 0; i < good.length; i++) {
            (good[i] ? goodRows : badRows).add(vectors.get(i));
            if (good[i]) {
                goodCosts.add(costs.get(i));
            }
        }
        double[] goodWeights = GoodSplit.contributionWeights(goodCosts);
        int d = space.dimension();
        ParzenEstimator[] below = new ParzenEstimator[d];
        ParzenEstimator[] above = new ParzenEstimator[d];
        for (int j = 0; j < d; j++) {
            below[j] = estimator(j, goodRows, goodWeights);
            above[j] = estimator(j, badRows, null);
        }
        double bestScore = Double.NEGATIVE_INFINITY;
        double[] best = null;
        for (int c = 0; c < CANDIDATES; c++) {
            double[] v = draw(below, rng);
            if (v == null || history.contains(v)) {
                continue;
            }
            double score = 0;
            for (int j = 0; j < d; j++) {
                if (!Double.isNaN(v[j]) && below[j] != null) {
                    score += below[j].logDensity(v[j]) - above[j].logDensity(v[j]);
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = v;
            }
        }
        return best;
    }

    private double[] draw(ParzenEstimator[] below, SplittableRandom rng) {
        double[] v = new double[below.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = below[j] == null ? 0 : snap(j, below[j].sample(rng));
        }
        if (space instanceof VectorSpace vs) {
            vs.resolveActivity(v);
        }
        return space.isValid(v) ? v : null;
    }

    private double snap(int j, double u) {
        return space instanceof VectorSpace vs ? vs.dimensionAt(j).snap(u) : u;
    }

    /**
     * The density of entry {@code j} over the rows where it is active, row i weighted by {@code
     * rowWeights[i]} (null: all 1); null for a constant.
     */
    private ParzenEstimator estimator(int j, List<double[]> rows, double[] rowWeights) {
        ParamKind kind = space.kind(j);
        if (kind == ParamKind.CONSTANT) {
            return null;
        }
        double[] values = new double[rows.size()];
        double[] weights = new double[rows.size()];
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            double x = rows.get(i)[j];
            if (!Double.isNaN(x)) {
                values[n] = x;
                weights[n] = rowWeights == null ? 1.0 : rowWeights[i];
                n++;
            }
        }
        values = java.util.Arrays.copyOf(values, n);
        weights = java.util.Arrays.copyOf(weights, n);
        if (kind == ParamKind.CATEGORICAL || kind == ParamKind.ORDINAL) {
            return ParzenEstimator.choice(values, weights, space.cardinality(j));
        }
        return ParzenEstimator.numeric(values, weights);
    }
}
