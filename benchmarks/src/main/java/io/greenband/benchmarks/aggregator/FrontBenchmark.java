package io.greenband.benchmarks.aggregator;

import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.emissions.CarbonSettings;
import io.greenband.aggregator.core.emissions.IntensityResolver;
import io.greenband.aggregator.core.emissions.IntensityTable;
import io.greenband.aggregator.core.emissions.StudyCarbon;
import io.greenband.aggregator.core.objective.ObjectivePlan;
import io.greenband.aggregator.core.objective.TrialOutcome;
import io.greenband.aggregator.core.objective.TrialStatus;
import io.greenband.aggregator.core.study.StudyScoring;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Front-update latency: a study scores {@code trials} trials in two minimized objectives (error
 * against a cost, anti-correlated with noise so the front is large), then the time of each of
 * {@code probes} further scorings (assembly, front and hypervolume update) is measured.
 */
final class FrontBenchmark {

    record Result(double medianMs, double p99Ms, int frontSize) {}

    private FrontBenchmark() {}

    static Result run(int trials, int probes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StudyScoring study = study();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < trials; i++) {
            study.onFinished(outcome(i, random, t.plusSeconds(i)));
        }
        // Warm-up on a copy of the load, so the timed runs see a JIT-compiled path.
        StudyScoring warm = study();
        SplittableRandom warmRandom = new SplittableRandom(seed + 1);
        for (int i = 0; i < 20_000; i++) {
            warm.onFinished(outcome(i, warmRandom, t.plusSeconds(i)));
        }
        long[] nanos = new long[probes];
        for (int k = 0; k < probes; k++) {
            TrialOutcome o = outcome(trials + k, random, t.plusSeconds(trials + k));
            long start = System.nanoTime();
            study.onFinished(o);
            nanos[k] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Result(
                nanos[probes / 2] / 1e6,
                nanos[(int) Math.min(probes - 1, Math.ceil(probes * 0.99) - 1)] / 1e6,
                study.fronts().topFront().map(f -> f.members().size()).orElse(0));
    }

    private static StudyScoring study() {
        ObjectivePlan plan =
                ObjectivePlan.builder()
                        .addObjective("val_error", "minimize", "metric:val_error")
                        .addObjective("cost", "minimize", "metric:train_seconds")
                        .build();
        return new StudyScoring(
                "bench",
                plan,
                new StudyCarbon(
                        CarbonSettings.defaults(), new IntensityResolver(IntensityTable.bundled())),
                OptionalDouble.of(1.0),
                Optional.empty());
    }

    private static TrialOutcome outcome(int i, SplittableRandom random, Instant at) {
        double x = random.nextDouble();
        double error = Math.max(0, 1 - x + random.nextDouble() * 0.05);
        return new TrialOutcome(
                new TrialKey("t" + i, 1),
                1.0,
                TrialStatus.SUCCEEDED,
                Map.of("val_error", error, "train_seconds", 10 + 1000 * x),
                at,
                "");
    }
}
