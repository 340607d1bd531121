package io.greenband.suggester.core.schedule;

import io.greenband.suggester.core.history.HistoryView;
import io.greenband.suggester.core.history.TrialRecord;
import io.greenband.suggester.core.objective.Ranking;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Asynchronous successive halving, promotion variant (Li et al.'s ASHA) with multi-objective
 * ranking: looking from the highest rung down, the first configuration in the top {@code
 * floor(|rung| / η)} of a rung (by the ranking's true per-item order, failures last) that has no
 * trial one level up is promoted; otherwise a fresh configuration starts at the lowest budget.
 * Nothing ever waits for stragglers. The state is the history itself; deterministic rankings are
 * cached per rung until the rung changes.
 */
public final class AshaScheduler implements Scheduler {

    private final BracketPlan plan;
    private final HistoryView history;
    private final Promotions promotions;
    private final long[][] cachedOrder;
    private final int[] cachedSize;

    /** A scheduler over the full ladder of {@code plan}. */
    public AshaScheduler(BracketPlan plan, HistoryView history, Ranking ranking) {
        this.plan = plan;
        this.history = history;
        this.promotions = new Promotions(history, ranking);
        this.cachedOrder = new long[plan.levels()][];
        this.cachedSize = new int[plan.levels()];
    }

    @Override
    public Slot next(SplittableRandom rng, LongSupplier freshConfig) {
        for (int level = plan.levels() - 2; level >= 0; level--) {
            int rungSize = history.finishedAt(level).size();
            int top = rungSize / plan.eta();
            if (top == 0) {
                continue;
            }
            long[] order = order(level, rng);
            for (int i = 0; i < Math.min(top, order.length); i++) {
                if (history.trialAt(order[i], level + 1) == null) {
                    return new Slot(order[i], level + 1, 0, level + 1, true);
                }
            }
        }
        return new Slot(freshConfig.getAsLong(), 0, 0, 0, false);
    }

    private long[] order(int level, SplittableRandom rng) {
        int size = history.finishedAt(level).size();
        if (promotions.ranking().isRandomized()) {
            return promotions.best(history.finishedAt(level), rng);
        }
        if (cachedOrder[level] == null || cachedSize[level] != size) {
            cachedOrder[level] = promotions.best(history.finishedAt(level), rng);
            cachedSize[level] = size;
        }
        return cachedOrder[level];
    }

    @Override
    public void onFinished(TrialRecord trial) {
        cachedOrder[trial.level()] = null;
    }

    @Override
    public ScheduleState state() {
        return null;
    }
}
