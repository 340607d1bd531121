package io.greenband.benchmarks.suggester;

import io.greenband.suggester.core.preset.Preset;
import io.greenband.suggester.core.study.ObjectiveSpec;
import io.greenband.suggester.core.study.Optimizer;
import io.greenband.suggester.core.study.OptimizerSnapshot;
import io.greenband.suggester.core.study.StudySpec;
import io.greenband.suggester.core.study.Trial;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * ask() latency of a model-based preset (single fidelity, so every ask proposes a new configuration
 * from the model) once the history holds N results. The history is filled by a random-search
 * optimizer over the same space and handed to the model-based optimizer as a snapshot; then a
 * sequence of ask()+tell() pairs is timed, so each ask refits the forest on the new data.
 */
final class LatencyRun {

    /** Latency percentiles in milliseconds. */
    record Result(
            int observations, int samples, double p50, double p99, double max, double cpuP50) {}

    private LatencyRun() {}

    static Result run(
            Preset preset, Problem problem, int observations, int warmup, int samples, long seed) {
        List<ObjectiveSpec> objectives =
                List.of(ObjectiveSpec.minimize("f1"), ObjectiveSpec.minimize("f2"));
        StudySpec model =
                preset.builder()
                        .setSpace(problem.space())
                        .setObjectives(objectives)
                        .optSeed(seed)
                        .optTrialsHint(observations)
                        .build();
        StudySpec random =
                preset.builder()
                        .setSpace(problem.space())
                        .setObjectives(objectives)
                        .optSeed(seed)
                        .optTrialsHint(observations)
                        .optModel(false)
                        .build();
        Optimizer filler = Optimizer.create(random);
        for (int i = 0; i < observations; i++) {
            Trial t = filler.ask();
            filler.tell(t.trialId(), problem.evaluate(t.config(), 0));
        }
        OptimizerSnapshot s = filler.snapshot();
        OptimizerSnapshot filled =
                new OptimizerSnapshot(
                        s.formatVersion(),
                        model.fingerprint(),
                        s.nextSplit(),
                        s.initialDesignUsed(),
                        s.configs(),
                        s.trials(),
                        s.schedule());
        // Warm the JIT on a throw-away copy, then time a fresh one from the same state.
        timed(Optimizer.restore(model, filled), problem, warmup, new double[warmup]);
        double[] cpu = new double[samples];
        double[] ms = timed(Optimizer.restore(model, filled), problem, samples, cpu);
        Arrays.sort(ms);
        Arrays.sort(cpu);
        return new Result(
                observations,
                samples,
                percentile(ms, 0.50),
                percentile(ms, 0.99),
                ms[ms.length - 1],
                percentile(cpu, 0.50));
    }

    /**
     * Wall-clock milliseconds per ask()+tell(); {@code cpu} receives the CPU milliseconds the Java
     * threads spent on each pair, which a machine shared with other work inflates far less than
     * wall-clock time.
     */
    private static double[] timed(Optimizer opt, Problem problem, int count, double[] cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            long c0 = javaThreadsCpu(threads);
            long t0 = System.nanoTime();
            Trial t = opt.ask();
            long t1 = System.nanoTime();
            double[] f = problem.evaluate(t.config(), 0);
            long t2 = System.nanoTime();
            opt.tell(t.trialId(), f);
            long t3 = System.nanoTime();
            cpu[i] = (javaThreadsCpu(threads) - c0) / 1e6;
            // The problem's own evaluation is not the optimizer's latency.
            ms[i] = ((t1 - t0) + (t3 - t2)) / 1e6;
        }
        return ms;
    }

    /**
     * CPU nanoseconds used so far by the live Java threads (the caller and the fork-join workers).
     */
    private static long javaThreadsCpu(ThreadMXBean threads) {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
