package io.greenband.suggester.core.schedule;

import io.greenband.suggester.core.history.HistoryView;
import io.greenband.suggester.core.history.TrialRecord;
import io.greenband.suggester.core.objective.Ranking;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * SMAC's synchronous Hyperband / successive-halving tracker. Batches are kept per (bracket, stage)
 * key in key-creation order. A call scans them and returns the first member without a trial at the
 * batch's budget; a batch whose members all finished is halved: the top {@code n[bracket][stage+1]}
 * by the ranking move to the next stage. When nothing can run (everything pending or waiting for
 * stragglers) a new batch opens in the next bracket, rotating 0..s_max (always 0 in
 * successive-halving mode), so free workers never idle. New configurations are drawn when their
 * slot is first handed out, so each one benefits from every result known at that moment.
 */
public final class HyperbandScheduler implements Scheduler {

    private final BracketPlan plan;
    private final HistoryView history;
    private final Promotions promotions;
    private final boolean rotate;
    private final Map<Long, List<long[]>> tracker = new LinkedHashMap<>();
    private int nextBracket;

    /**
     * @param rotate true for Hyperband, false for successive halving (bracket 0 only)
     * @param state restored state, or null for a fresh study
     */
    public HyperbandScheduler(
            BracketPlan plan,
            HistoryView history,
            Ranking ranking,
            boolean rotate,
            ScheduleState state) {
        this.plan = plan;
        this.history = history;
        this.promotions = new Promotions(history, ranking);
        this.rotate = rotate;
        if (state != null) {
            nextBracket = state.nextBracket();
            for (ScheduleState.Key k : state.keys()) {
                List<long[]> batches = new ArrayList<>();
                for (List<Long> b : k.batches()) {
                    batches.add(b.stream().mapToLong(Long::longValue).toArray());
                }
                tracker.put(key(k.bracket(), k.stage()), batches);
            }
        }
    }

    @Override
    public Slot next(SplittableRandom rng, LongSupplier freshConfig) {
        while (true) {
            Slot slot = scan(rng, freshConfig);
            if (slot != null) {
                return slot;
            }
            int bracket = nextBracket;
            nextBracket = rotate ? (nextBracket + 1) % plan.brackets() : 0;
            long[] batch = new long[plan.configs(bracket, 0)];
            Arrays.fill(batch, -1);
            tracker.computeIfAbsent(key(bracket, 0), k -> new ArrayList<>()).add(batch);
        }
    }

    private Slot scan(SplittableRandom rng, LongSupplier freshConfig) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<Long, List<long[]>> e : new ArrayList<>(tracker.entrySet())) {
                int bracket = (int) (e.getKey() >>> 32);
                int stage = (int) (long) e.getKey();
                int level = plan.level(bracket, stage);
                for (long[] batch : new ArrayList<>(e.getValue())) {
                    boolean complete = true;
                    for (int i = 0; i < batch.length; i++) {
                        if (batch[i] < 0) {
                            batch[i] = freshConfig.getAsLong();
                            return new Slot(batch[i], level, bracket, stage, false);
                        }
                        TrialRecord t = history.trialAt(batch[i], level);
                        if (t == null) {
                            return new Slot(batch[i], level, bracket, stage, stage > 0);
                        }
                        complete &= t.isFinished();
                    }
                    if (complete) {
                        e.getValue().remove(batch);
                        if (stage + 1 < plan.stages(bracket)) {
                            long[] best = promotions.best(promotions.finished(batch, level), rng);
                            long[] winners =
                                    Arrays.copyOf(
                                            best,
                                            Math.min(
                                                    best.length, plan.configs(bracket, stage + 1)));
                            if (winners.length > 0) {
                                tracker.computeIfAbsent(
                                                key(bracket, stage + 1), k -> new ArrayList<>())
                                        .add(winners);
                            }
                        }
                        changed = true;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public ScheduleState state() {
        List<ScheduleState.Key> keys = new ArrayList<>();
        for (Map.Entry<Long, List<long[]>> e : tracker.entrySet()) {
            List<List<Long>> batches = new ArrayList<>();
            for (long[] b : e.getValue()) {
                batches.add(Arrays.stream(b).boxed().toList());
            }
            keys.add(
                    new ScheduleState.Key(
                            (int) (e.getKey() >>> 32), (int) (long) e.getKey(), batches));
        }
        return new ScheduleState(nextBracket, keys);
    }

    private static long key(int bracket, int stage) {
        return ((long) bracket << 32) | stage;
    }
}
