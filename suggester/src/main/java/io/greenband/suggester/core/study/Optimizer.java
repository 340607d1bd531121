package io.greenband.suggester.core.study;

import io.greenband.pareto.NonDominatedSort;
import io.greenband.suggester.core.history.ConfigRecord;
import io.greenband.suggester.core.history.History;
import io.greenband.suggester.core.history.HistoryView;
import io.greenband.suggester.core.history.Origin;
import io.greenband.suggester.core.history.TrialRecord;
import io.greenband.suggester.core.history.TrialStatus;
import io.greenband.suggester.core.random.SeedStream;
import io.greenband.suggester.core.schedule.AshaScheduler;
import io.greenband.suggester.core.schedule.BracketPlan;
import io.greenband.suggester.core.schedule.FullBudgetScheduler;
import io.greenband.suggester.core.schedule.HyperbandScheduler;
import io.greenband.suggester.core.schedule.ScheduleState;
import io.greenband.suggester.core.schedule.Scheduler;
import io.greenband.suggester.core.schedule.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The ask/tell optimizer. {@link #ask()} always returns a trial, however many are in flight;
 * results come back through {@link #tell(long, double[])} or {@link #tell(long, TrialFailure)} in
 * any order. The optimizer owns its history; for a given spec (seed included) the same sequence of
 * asks and tells yields the same trials, and {@link #snapshot()} / {@link #restore} continue that
 * sequence exactly. Calls are serialized (synchronized): one optimizer per study.
 */
public final class Optimizer {

    /** Derivation purpose of the per-trial training seeds. */
    private static final long TRAINING_SEED_PURPOSE = 3;

    private final StudySpec spec;
    private final BracketPlan plan;
    private final SeedStream seeds;
    private final History history;
    private final Scheduler scheduler;
    private final ConfigSelector selector;
    private long nextSplit;
    private int initialDesignUsed;

    private Optimizer(StudySpec spec, OptimizerSnapshot snapshot) {
        this.spec = spec;
        this.plan = spec.fidelity().plan();
        this.seeds = new SeedStream(spec.seed());
        this.history = new History(spec.objectives().size(), plan.levels());
        ScheduleState state = null;
        if (snapshot != null) {
            if (snapshot.formatVersion() != OptimizerSnapshot.FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        "snapshot format "
                                + snapshot.formatVersion()
                                + " is not supported; this version reads format "
                                + OptimizerSnapshot.FORMAT_VERSION);
            }
            if (!spec.fingerprint().equals(snapshot.fingerprint())) {
                throw new IllegalArgumentException(
                        "snapshot fingerprint "
                                + snapshot.fingerprint()
                                + " does not match the study spec's "
                                + spec.fingerprint()
                                + "; restore with the exact spec (seed, space, settings) the snapshot was taken from");
            }
            Snapshots.replay(snapshot, history);
            nextSplit = snapshot.nextSplit();
            initialDesignUsed = snapshot.initialDesignUsed();
            state = snapshot.schedule();
        }
        this.scheduler =
                switch (spec.scheduler()) {
                    case HYPERBAND ->
                            new HyperbandScheduler(
                                    plan, history, spec.ranking().create(), true, state);
                    case SUCCESSIVE_HALVING ->
                            new HyperbandScheduler(
                                    plan, history, spec.ranking().create(), false, state);
                    case ASHA -> new AshaScheduler(plan, history, spec.ranking().create());
                    case FULL_BUDGET -> new FullBudgetScheduler(plan);
                };
        this.selector = new ConfigSelector(spec, plan, history, seeds);
    }

    /** A fresh optimizer for {@code spec}. */
    public static Optimizer create(StudySpec spec) {
        return new Optimizer(spec, null);
    }

    /** An optimizer continuing from {@code snapshot}, which must come from the same spec. */
    public static Optimizer restore(StudySpec spec, OptimizerSnapshot snapshot) {
        return new Optimizer(spec, snapshot);
    }

    /** The spec. */
    public StudySpec spec() {
        return spec;
    }

    /** The budget plan. */
    public BracketPlan plan() {
        return plan;
    }

    /** The history, read-only. */
    public HistoryView history() {
        return history;
    }

    /** The next trial to run. */
    public synchronized Trial ask() {
        long split = nextSplit;
        SplittableRandom rng = seeds.split(split);
        long trialId = history.trialCount();
        Slot slot =
                scheduler.next(
                        rng,
                        () -> {
                            ConfigSelector.Choice c = selector.next(rng, initialDesignUsed);
                            if (c.origin() == Origin.INITIAL_DESIGN) {
                                initialDesignUsed++;
                            }
                            return history.addConfig(c.vector(), c.origin(), c.weights(), trialId);
                        });
        TrialRecord t =
                history.addTrial(
                        slot.configId(),
                        slot.level(),
                        spec.fidelity().budgetOf(plan, slot.level()),
                        slot.bracket(),
                        slot.rung(),
                        split,
                        slot.promoted());
        nextSplit++;
        ConfigRecord c = history.config(slot.configId());
        double[] weights = c.weights() == null ? null : c.weights().clone();
        return new Trial(
                t.trialId(),
                c.configId(),
                spec.space().decode(c.vector()),
                c.vector().clone(),
                t.budget(),
                t.bracket(),
                t.rung(),
                t.level(),
                split,
                seeds.derive(TRAINING_SEED_PURPOSE, t.trialId()).nextLong(),
                t.promoted(),
                c.origin(),
                weights);
    }

    /**
     * Reports the objective values of a trial, in the spec's objective order and directions. A
     * non-finite value records the trial as failed (the failure policy decides what the model
     * learns from it).
     */
    public synchronized void tell(long trialId, double[] objectives) {
        int m = spec.objectives().size();
        if (objectives == null || objectives.length != m) {
            throw new IllegalArgumentException(
                    "trial "
                            + trialId
                            + ": expected "
                            + m
                            + " objective values "
                            + names()
                            + ", got "
                            + (objectives == null ? "null" : objectives.length));
        }
        double[] costs = new double[m];
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(objectives[i])) {
                record(
                        history.fail(
                                trialId,
                                "objective '"
                                        + spec.objectives().get(i).name()
                                        + "' is "
                                        + objectives[i]));
                return;
            }
            costs[i] = spec.objectives().get(i).direction().toCost(objectives[i]);
        }
        record(history.succeed(trialId, costs));
    }

    /** Reports objective values by name; every objective must be present and no other name. */
    public void tell(long trialId, Map<String, ? extends Number> objectives) {
        List<String> names = names();
        for (String key : objectives.keySet()) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException(
                        "trial "
                                + trialId
                                + ": unknown objective '"
                                + key
                                + "'; the study has "
                                + names);
            }
        }
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            Number v = objectives.get(names.get(i));
            if (v == null) {
                throw new IllegalArgumentException(
                        "trial " + trialId + ": objective '" + names.get(i) + "' is missing");
            }
            values[i] = v.doubleValue();
        }
        tell(trialId, values);
    }

    /** Reports that a trial failed. */
    public synchronized void tell(long trialId, TrialFailure failure) {
        record(history.fail(trialId, failure.reason()));
    }

    private void record(TrialRecord t) {
        scheduler.onFinished(t);
    }

    /**
     * The current Pareto front: successful trials at the highest budget that has any, not dominated
     * by another trial there.
     */
    public synchronized List<TrialRecord> paretoFront() {
        for (int level = plan.levels() - 1; level >= 0; level--) {
            List<TrialRecord> ok =
                    history.finishedAt(level).stream()
                            .filter(t -> t.status() == TrialStatus.SUCCESS)
                            .toList();
            if (!ok.isEmpty()) {
                double[][] costs = ok.stream().map(TrialRecord::costs).toArray(double[][]::new);
                List<TrialRecord> front = new ArrayList<>();
                for (int i : NonDominatedSort.fronts(costs)[0]) {
                    front.add(ok.get(i));
                }
                return front;
            }
        }
        return List.of();
    }

    /**
     * How much each hyperparameter explains of the forest's predictions at its latest refit with
     * new results; empty while the study is in its initial design or runs without a model. Not part
     * of the snapshot: a restored optimizer has none until it next refits.
     */
    public synchronized java.util.Optional<ParameterImportances> importances() {
        return selector.importances();
    }

    /** The complete state as plain values. */
    public synchronized OptimizerSnapshot snapshot() {
        return new OptimizerSnapshot(
                OptimizerSnapshot.FORMAT_VERSION,
                spec.fingerprint(),
                nextSplit,
                initialDesignUsed,
                Snapshots.configs(history),
                Snapshots.trials(history),
                scheduler.state());
    }

    private List<String> names() {
        return spec.objectives().stream().map(ObjectiveSpec::name).toList();
    }
}
