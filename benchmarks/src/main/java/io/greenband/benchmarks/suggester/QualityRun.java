package io.greenband.benchmarks.suggester;

import io.greenband.suggester.core.preset.Preset;
import io.greenband.suggester.core.study.FidelitySpec;
import io.greenband.suggester.core.study.ObjectiveSpec;
import io.greenband.suggester.core.study.Optimizer;
import io.greenband.suggester.core.study.StudySpec;
import io.greenband.suggester.core.study.Trial;
import java.util.ArrayList;
import java.util.List;

/**
 * One optimization run of a preset on a problem until the total fidelity budget is spent (a trial
 * that would overrun it is not run), sequentially: ask, evaluate, tell. The result is the
 * normalized hypervolume regret of the configurations evaluated at the maximum budget.
 */
final class QualityRun {

    /** Smallest fidelity budget. */
    static final double MIN_BUDGET = 1;

    /** Largest fidelity budget: levels 1, 3, 9, 27 with eta 3. */
    static final double MAX_BUDGET = 27;

    /** What one run produced. */
    record Result(double regret, int trials, int fullBudgetTrials, double seconds) {}

    private QualityRun() {}

    /**
     * Runs {@code preset} on {@code problem} with {@code fullEvaluations * MAX_BUDGET} of fidelity
     * budget.
     */
    static Result run(Problem problem, Preset preset, long seed, int fullEvaluations) {
        double total = fullEvaluations * MAX_BUDGET;
        List<ObjectiveSpec> objectives = new ArrayList<>();
        for (int i = 0; i < problem.objectives(); i++) {
            objectives.add(ObjectiveSpec.minimize("f" + (i + 1)));
        }
        StudySpec spec =
                preset.builder()
                        .setSpace(problem.space())
                        .setObjectives(objectives)
                        .optFidelity(new FidelitySpec(MIN_BUDGET, MAX_BUDGET, 3))
                        .optSeed(seed)
                        // Hyperband runs about four trials per full-budget evaluation at this
                        // ladder.
                        .optTrialsHint(
                                preset.fullBudgetOnly() ? fullEvaluations : 4 * fullEvaluations)
                        .build();
        Optimizer opt = Optimizer.create(spec);
        problem.reset(seed);
        int top = opt.plan().levels() - 1;
        double spent = 0;
        int trials = 0;
        List<double[]> full = new ArrayList<>();
        long start = System.nanoTime();
        while (true) {
            Trial t = opt.ask();
            if (spent + t.budget() > total + 1e-9) {
                break;
            }
            spent += t.budget();
            trials++;
            double distortion =
                    Math.log(MAX_BUDGET / t.budget()) / Math.log(MAX_BUDGET / MIN_BUDGET);
            double[] f = problem.evaluate(t.config(), Math.max(0, distortion));
            opt.tell(t.trialId(), f);
            if (t.level() == top) {
                full.add(problem.exact(t.config()));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(regret(problem, full), trials, full.size(), seconds);
    }

    /**
     * Normalized hypervolume regret of the noise-free points {@code exact} evaluated at the maximum
     * budget.
     */
    static double regret(Problem problem, List<double[]> exact) {
        double hv = problem.hypervolume(exact.toArray(new double[0][]));
        return (problem.trueHypervolume() - hv) / problem.trueHypervolume();
    }
}
