package io.greenband.suggester.core.study;

import io.greenband.suggester.core.acquisition.LogExpectedImprovement;
import io.greenband.suggester.core.acquisition.maximize.Candidate;
import io.greenband.suggester.core.acquisition.maximize.LocalAndSortedRandomSearch;
import io.greenband.suggester.core.history.HistoryView;
import io.greenband.suggester.core.history.TrialRecord;
import io.greenband.suggester.core.history.TrialStatus;
import io.greenband.suggester.core.objective.Aggregation;
import io.greenband.suggester.core.random.SeedStream;
import io.greenband.suggester.core.schedule.BracketPlan;
import io.greenband.suggester.core.surrogate.FeatureEncoder;
import io.greenband.suggester.core.surrogate.GaussianProcess;
import io.greenband.suggester.core.surrogate.KernelFeatures;
import io.greenband.suggester.core.surrogate.PermutationImportance;
import io.greenband.suggester.core.surrogate.RandomForest;
import io.greenband.suggester.core.surrogate.Surrogate;
import io.greenband.suggester.core.surrogate.SurrogateKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One model-based proposal: build the training set for a weight vector, fit the surrogate (the
 * forest or, for small training sets when the spec asks for it, a Gaussian process; reused while
 * neither the results nor the weights changed), take the lowest predicted mean among evaluated
 * configurations as f*, and maximize log-EI. The forest's seed depends only on the number of
 * results, so a restored study refits exactly the same forest.
 */
final class ModelProposer {

    private static final long FOREST_PURPOSE = 1;
    private static final long SUBSAMPLE_PURPOSE = 2;

    /**
     * Random candidates per maximization when the surrogate is a Gaussian process: its smooth
     * acquisition needs fewer than the forest's piecewise-constant one, and each costs O(n²) to
     * score.
     */
    static final int GP_RANDOM_CANDIDATES = 2_000;

    /**
     * Most objectives for which {@link SurrogateKind#GP_THEN_TPE} fits the process: on three
     * (DTLZ2) one random ParEGO weight per suggestion covered the front more slowly than TPE
     * (median regret 0.44 against 0.25 at 100 evaluations).
     */
    static final int MAX_GP_TPE_OBJECTIVES = 2;

    private final StudySpec spec;
    private final BracketPlan plan;
    private final HistoryView history;
    private final SeedStream seeds;
    private final Aggregation aggregation;
    private final FeatureEncoder encoder;
    private final KernelFeatures kernelFeatures;
    private final LocalAndSortedRandomSearch maximizer;
    private final LocalAndSortedRandomSearch gpMaximizer;

    private long fittedAt = -1;
    private double[] fittedWeights;
    private Fit fit;
    private long importancesAt = -1;
    private ParameterImportances importances;

    ModelProposer(
            StudySpec spec,
            BracketPlan plan,
            HistoryView history,
            SeedStream seeds,
            Aggregation aggregation) {
        this.spec = spec;
        this.plan = plan;
        this.history = history;
        this.seeds = seeds;
        this.aggregation = aggregation;
        this.encoder = new FeatureEncoder(spec.space(), spec.budgetFeature());
        this.kernelFeatures = new KernelFeatures(spec.space(), encoder);
        this.maximizer = new LocalAndSortedRandomSearch(spec.space(), spec.randomCandidates());
        this.gpMaximizer =
                new LocalAndSortedRandomSearch(
                        spec.space(), Math.min(spec.randomCandidates(), GP_RANDOM_CANDIDATES));
    }

    /**
     * The best new configuration under the model with {@code weights}, or null without enough data.
     */
    double[] propose(double[] weights, SplittableRandom rng) {
        Fit f = fit(weights);
        if (f == null) {
            return null;
        }
        LogExpectedImprovement acq =
                new LogExpectedImprovement(f.model, encoder, f.incumbent, f.targetUnit);
        LocalAndSortedRandomSearch search =
                f.model instanceof GaussianProcess ? gpMaximizer : maximizer;
        List<Candidate> candidates = search.maximize(acq, f.previous, rng);
        for (Candidate c : candidates) {
            if (!history.contains(c.vector())) {
                return c.vector();
            }
        }
        return null;
    }

    private Fit fit(double[] weights) {
        long finished = history.finishedCount();
        if (fittedAt == finished && Arrays.equals(fittedWeights, weights)) {
            return fit;
        }
        TrainingData data =
                TrainingData.build(
                        history,
                        plan,
                        encoder,
                        aggregation,
                        weights,
                        spec.failurePolicy(),
                        spec.effectiveMinTrainingRows(),
                        spec.maxTrainingRows(),
                        seeds.derive(SUBSAMPLE_PURPOSE, finished));
        Fit f = null;
        if (data != null) {
            Surrogate model =
                    spec.surrogate().usesGaussianProcess(data.y.length)
                                    && kernelFeatures.numeric()
                                    && allActive(data.configs)
                            ? GaussianProcess.fit(kernelFeatures, data.x, data.y)
                            : RandomForest.fit(
                                    data.x,
                                    data.y,
                                    spec.forest(),
                                    seeds.derive(FOREST_PURPOSE, finished).nextLong());
            int n = data.configs.size();
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = encoder.row(data.configs.get(i), data.targetUnit);
            }
            double[] mean = new double[n];
            double[] var = new double[n];
            model.predict(rows, mean, var);
            int[] idx =
                    lowest(mean, Math.min(LocalAndSortedRandomSearch.DEFAULT_PREVIOUS_STARTS, n));
            List<double[]> previous = new ArrayList<>();
            for (int i : idx) {
                previous.add(data.configs.get(i));
            }
            f = new Fit(model, mean[idx[0]], previous, data.targetUnit);
            if (importancesAt != finished) {
                // Once per new result, not per weight vector: a refit for new weights costs no
                // extra passes.
                importances = importances(model, data);
                importancesAt = finished;
            }
        }
        fittedAt = finished;
        fittedWeights = weights.clone();
        fit = f;
        return f;
    }

    /** The importances of the latest refit that had new results, or null before the first. */
    ParameterImportances importances() {
        return importances;
    }

    private ParameterImportances importances(Surrogate model, TrainingData data) {
        double[] shares = PermutationImportance.of(model, data.x, data.y);
        List<String> names = new ArrayList<>(spec.space().names());
        if (encoder.hasBudgetFeature()) {
            names.add("budget");
        }
        return new ParameterImportances(
                names, Arrays.stream(shares).boxed().toList(), data.x.length);
    }

    /**
     * True when the next fit would be a Gaussian process: the spec asks for one at this many
     * results at the highest budget, the space has no categorical hyperparameter, no result there
     * has an inactive one and, for {@link SurrogateKind#GP_THEN_TPE}, the study has at most two
     * objectives.
     */
    boolean gaussianProcessApplies() {
        if (!kernelFeatures.numeric()
                || spec.surrogate() == SurrogateKind.GP_THEN_TPE
                        && history.objectives() > MAX_GP_TPE_OBJECTIVES) {
            return false;
        }
        List<double[]> configs = new ArrayList<>();
        for (TrialRecord t : history.finishedAt(history.levels() - 1)) {
            if (t.status() == TrialStatus.SUCCESS) {
                configs.add(history.config(t.configId()).vector());
            }
        }
        return spec.surrogate().usesGaussianProcess(configs.size()) && allActive(configs);
    }

    /**
     * True when no configuration has an inactive (conditional) hyperparameter: the process is kept
     * to continuous spaces, where it measured better than the forest; on the conditional mixed
     * space it did not.
     */
    private static boolean allActive(List<double[]> configs) {
        for (double[] c : configs) {
            for (double v : c) {
                if (Double.isNaN(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Indices of the {@code k} smallest values, smallest first, ties by index: the head of a stable
     * ascending sort, found by k linear passes instead of sorting every evaluated configuration.
     */
    static int[] lowest(double[] values, int k) {
        int[] out = new int[k];
        boolean[] taken = new boolean[values.length];
        for (int j = 0; j < k; j++) {
            int best = -1;
            for (int i = 0; i < values.length; i++) {
                if (!taken[i] && (best < 0 || Double.compare(values[i], values[best]) < 0)) {
                    best = i;
                }
            }
            taken[best] = true;
            out[j] = best;
        }
        return out;
    }

    private record Fit(
            Surrogate model, double incumbent, List<double[]> previous, double targetUnit) {}
}
