package io.greenband.suggester.core.schedule;

import io.greenband.suggester.core.history.HistoryView;
import io.greenband.suggester.core.history.TrialRecord;
import io.greenband.suggester.core.history.TrialStatus;
import io.greenband.suggester.core.objective.Ranking;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ranks the successful trials of a set of configurations at one level; failed trials are never
 * promoted.
 */
final class Promotions {

    private final HistoryView history;
    private final Ranking ranking;

    Promotions(HistoryView history, Ranking ranking) {
        this.history = history;
        this.ranking = ranking;
    }

    Ranking ranking() {
        return ranking;
    }

    /** Config ids with a success at {@code level}, best first. */
    long[] best(List<TrialRecord> finished, SplittableRandom rng) {
        List<TrialRecord> ok = new ArrayList<>(finished.size());
        for (TrialRecord t : finished) {
            if (t.status() == TrialStatus.SUCCESS) {
                ok.add(t);
            }
        }
        double[][] costs = new double[ok.size()][];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = ok.get(i).costs();
        }
        int[] order = ranking.order(costs, rng);
        long[] out = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = ok.get(order[i]).configId();
        }
        return out;
    }

    /** The finished trials of {@code configs} at {@code level}. */
    List<TrialRecord> finished(long[] configs, int level) {
        List<TrialRecord> out = new ArrayList<>(configs.length);
        for (long c : configs) {
            TrialRecord t = history.trialAt(c, level);
            if (t != null && t.isFinished()) {
                out.add(t);
            }
        }
        return out;
    }
}
