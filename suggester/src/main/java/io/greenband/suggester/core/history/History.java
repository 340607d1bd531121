package io.greenband.suggester.core.history;

import io.greenband.suggester.core.objective.ObjectiveBounds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The append-only run history. Owned by the study; everyone else reads it as a {@link HistoryView}.
 */
public final class History implements HistoryView {

    private final int objectives;
    private final int levels;
    private final List<ConfigRecord> configs = new ArrayList<>();
    private final List<long[]> trialAtLevel = new ArrayList<>();
    private final List<TrialRecord> trials = new ArrayList<>();
    private final List<List<TrialRecord>> finishedByLevel = new ArrayList<>();
    private final TreeMap<Long, TrialRecord> pending = new TreeMap<>();
    private final Set<VectorKey> seen = new HashSet<>();
    private final ObjectiveBounds bounds;
    private long finished;

    /** An empty history. */
    public History(int objectives, int levels) {
        this.objectives = objectives;
        this.levels = levels;
        this.bounds = new ObjectiveBounds(objectives);
        for (int l = 0; l < levels; l++) {
            finishedByLevel.add(new ArrayList<>());
        }
    }

    /** Records a new configuration; returns its id. */
    public long addConfig(double[] vector, Origin origin, double[] weights, long firstTrial) {
        long id = configs.size();
        configs.add(
                new ConfigRecord(
                        id,
                        vector.clone(),
                        origin,
                        weights == null ? null : weights.clone(),
                        firstTrial));
        long[] at = new long[levels];
        Arrays.fill(at, -1);
        trialAtLevel.add(at);
        seen.add(new VectorKey(vector));
        return id;
    }

    /** Records a pending trial; its id must be the next trial id. */
    public TrialRecord addTrial(
            long configId,
            int level,
            double budget,
            int bracket,
            int rung,
            long split,
            boolean promoted) {
        long id = trials.size();
        long[] at = trialAtLevel.get((int) configId);
        if (at[level] >= 0) {
            throw new IllegalStateException(
                    "configuration "
                            + configId
                            + " already has trial "
                            + at[level]
                            + " at level "
                            + level);
        }
        TrialRecord t =
                new TrialRecord(
                        id,
                        configId,
                        level,
                        budget,
                        bracket,
                        rung,
                        split,
                        promoted,
                        TrialStatus.PENDING,
                        null,
                        null,
                        -1);
        trials.add(t);
        at[level] = id;
        pending.put(id, t);
        return t;
    }

    /** Records a success with finite costs. */
    public TrialRecord succeed(long trialId, double[] costs) {
        TrialRecord t = pendingTrial(trialId).succeeded(costs, finished);
        bounds.add(costs);
        return store(t);
    }

    /** Records a failure. */
    public TrialRecord fail(long trialId, String reason) {
        return store(pendingTrial(trialId).failed(reason, finished));
    }

    private TrialRecord pendingTrial(long trialId) {
        if (trialId < 0 || trialId >= trials.size()) {
            throw new IllegalArgumentException(
                    "unknown trial id " + trialId + "; ids run from 0 to " + (trials.size() - 1));
        }
        TrialRecord t = trials.get((int) trialId);
        if (t.isFinished()) {
            throw new IllegalStateException(
                    "trial " + trialId + " already has a result (" + t.status() + ")");
        }
        return t;
    }

    private TrialRecord store(TrialRecord t) {
        trials.set((int) t.trialId(), t);
        pending.remove(t.trialId());
        finishedByLevel.get(t.level()).add(t);
        finished++;
        return t;
    }

    @Override
    public int objectives() {
        return objectives;
    }

    @Override
    public int levels() {
        return levels;
    }

    @Override
    public int configCount() {
        return configs.size();
    }

    @Override
    public ConfigRecord config(long configId) {
        return configs.get((int) configId);
    }

    @Override
    public int trialCount() {
        return trials.size();
    }

    @Override
    public TrialRecord trial(long trialId) {
        return trials.get((int) trialId);
    }

    @Override
    public TrialRecord trialAt(long configId, int level) {
        long id = trialAtLevel.get((int) configId)[level];
        return id < 0 ? null : trials.get((int) id);
    }

    @Override
    public List<TrialRecord> finishedAt(int level) {
        return Collections.unmodifiableList(finishedByLevel.get(level));
    }

    @Override
    public long finishedCount() {
        return finished;
    }

    @Override
    public Collection<TrialRecord> pending() {
        return Collections.unmodifiableCollection(pending.values());
    }

    @Override
    public ObjectiveBounds bounds() {
        return bounds;
    }

    @Override
    public boolean contains(double[] vector) {
        return seen.contains(new VectorKey(vector));
    }

    /** A vector usable as a hash key (NaN equals NaN, as in Arrays.equals). */
    private record VectorKey(double[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof VectorKey k && Arrays.equals(v, k.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }
}
