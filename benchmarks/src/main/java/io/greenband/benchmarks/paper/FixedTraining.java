package io.greenband.benchmarks.paper;

import io.greenband.energy.estimate.ProcessEnergyModel;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.trainer.runner.ProgressListener;
import io.greenband.trainer.runner.TrialResult;
import io.greenband.trainer.runner.TrialStatus;
import io.greenband.trainer.worker.DeviceInventory;
import io.greenband.trainer.worker.EventMetrics;
import io.greenband.trainer.worker.StudyEntry;
import io.greenband.trainer.worker.TrialPlan;
import io.greenband.trainer.worker.TrialPlanner;
import io.greenband.trainer.worker.WorkerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Trains one configuration at one fidelity as the trainer service does: the suggestion and its
 * study go through the trainer's {@link TrialPlanner} (data set, hold-out, subsets, knob) and the
 * planned DJL runner, and the result's metrics get their event names ({@link EventMetrics}: {@code
 * val_error}, {@code test_accuracy}, ...). The trial's energy is charged from this process's CPU
 * time and memory while it trained ({@code ProcessEnergyModel}).
 */
final class FixedTraining {

    /** What one training produced. */
    record Run(
            String trialId,
            Map<String, Object> config,
            double fidelity,
            long seed,
            boolean succeeded,
            String error,
            Map<String, Double> metrics,
            double cpuSeconds,
            double wallSeconds,
            double joules) {

        /** A metric, NaN when absent (a failed trial). */
        double metric(String name) {
            Double value = metrics.get(name);
            return value == null ? Double.NaN : value;
        }
    }

    private final TrialPlanner search;
    private final TrialPlanner finals;
    private final ProcessEnergyModel energy;

    FixedTraining(ProcessEnergyModel energy) {
        this.energy = energy;
        this.search = new TrialPlanner(settings(false), devices());
        this.finals = new TrialPlanner(settings(true), devices());
    }

    /**
     * Trains {@code config} at {@code fidelity} (in the study's knob) with {@code seed}; {@code
     * test} also scores the test set (final evaluations only). Failures come back as a run that did
     * not succeed.
     */
    Run train(
            StudyDefined study,
            String trialId,
            Map<String, Object> config,
            double fidelity,
            long seed,
            boolean test) {
        TrialSuggested suggestion =
                new TrialSuggested(
                        study.studyId(),
                        trialId,
                        1,
                        trialId,
                        config,
                        fidelity,
                        0,
                        0,
                        seed,
                        3600,
                        "benchmark",
                        null,
                        Instant.now());
        TrialPlan plan;
        try {
            plan = (test ? finals : search).plan(suggestion, StudyEntry.of(study));
        } catch (RuntimeException e) {
            return new Run(
                    trialId, config, fidelity, seed, false, e.getMessage(), Map.of(), 0, 0, 0);
        }
        double cpu0 = ThisProcess.cpuSeconds();
        long t0 = System.nanoTime();
        TrialResult result = plan.runner().run(plan.request(), ProgressListener.NONE);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = ThisProcess.cpuSeconds() - cpu0;
        double joules = energy.joules(cpu, wall, ThisProcess.residentBytes());
        boolean ok = result.status() == TrialStatus.COMPLETED;
        return new Run(
                trialId,
                config,
                fidelity,
                seed,
                ok,
                ok ? null : result.error(),
                EventMetrics.finished(result.metrics(), plan),
                cpu,
                wall,
                joules);
    }

    private static WorkerSettings settings(boolean evaluateTest) {
        return new WorkerSettings(
                "benchmark",
                "localhost",
                ProcessHandle.current().pid(),
                List.of("cpu"),
                Duration.ofSeconds(30),
                1000,
                200,
                16,
                null,
                false,
                null,
                Path.of(System.getProperty("java.io.tmpdir")),
                Duration.ofHours(1),
                evaluateTest);
    }

    private static DeviceInventory devices() {
        return new DeviceInventory(List.of("cpu"), () -> 0, List::of);
    }
}
