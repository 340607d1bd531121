package io.greenband.trainer.adapter.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenband.events.payload.Fidelity.Knob;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.payload.Workload;
import io.greenband.trainer.runner.ProgressListener;
import io.greenband.trainer.runner.TrainerException;
import io.greenband.trainer.runner.TrialResult;
import io.greenband.trainer.runner.TrialStatus;
import io.greenband.trainer.worker.DeviceInventory;
import io.greenband.trainer.worker.EventMetrics;
import io.greenband.trainer.worker.StudyEntry;
import io.greenband.trainer.worker.TrialPlan;
import io.greenband.trainer.worker.TrialPlanner;
import io.greenband.trainer.worker.WorkerSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One fixed training in a JVM of its own, for the CLI's {@code train} and {@code evaluate}: {@code
 * FixedTraining REQUEST.json TEST}, run on the built trainer's classes and libraries. Plans the run
 * as a trainer service plans a suggestion ({@link TrialPlanner}: data set, hold-out, subsets,
 * fidelity knob), trains it with the planned DJL runner and prints one {@link Result} line after
 * {@link #MARKER}. The request and result are the CLI's {@code FixedRun} and {@code ChildResult} as
 * JSON; the CLI starts this class by name and does not compile against the trainer.
 */
public final class FixedTraining {

    /** The line prefix that marks the result among the JVM's output. */
    public static final String MARKER = "GREENBAND_FIXED_RESULT ";

    /**
     * What to train (the CLI's {@code FixedRun} as JSON; its other fields are the CLI's own).
     *
     * @param config the configuration under the space's names
     * @param knob the fidelity knob
     * @param fidelity its value
     * @param seed the training seed
     * @param dataset the data set name
     * @param datasetPath its folder, or null for the default
     * @param options workload options
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(
            Map<String, Object> config,
            Knob knob,
            double fidelity,
            long seed,
            String dataset,
            String datasetPath,
            Map<String, String> options) {}

    /**
     * What the JVM reports (read by the CLI as its {@code ChildResult}).
     *
     * @param succeeded whether the trial completed
     * @param error the failure reason (kind first), null when it succeeded
     * @param metrics metrics as a trial-finished event names them
     * @param cpuSeconds CPU time of this JVM during the training
     * @param wallSeconds wall time of the training
     * @param residentBytes resident memory at the end of the training
     */
    public record Result(
            boolean succeeded,
            String error,
            Map<String, Double> metrics,
            double cpuSeconds,
            double wallSeconds,
            double residentBytes) {}

    private FixedTraining() {}

    /** Trains the request in {@code args[0]}, scoring the test set when {@code args[1]} is true. */
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Request run = json.readValue(Files.readString(Path.of(args[0])), Request.class);
        boolean test = Boolean.parseBoolean(args[1]);
        Workload workload =
                new Workload("dsnn", run.dataset(), run.datasetPath(), null, null, run.options());
        StudyEntry study = new StudyEntry("fixed", workload, run.knob(), null);
        TrialSuggested trial =
                new TrialSuggested(
                        "fixed",
                        "fixed-s" + Math.abs(run.seed() % 1_000_000),
                        1,
                        null,
                        run.config(),
                        run.fidelity(),
                        0,
                        0,
                        run.seed(),
                        3600,
                        "fixed",
                        null,
                        Instant.now());
        WorkerSettings settings =
                new WorkerSettings(
                        "greenband-train",
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
                        Duration.ofHours(24),
                        test);
        Result result;
        try {
            TrialPlan plan =
                    new TrialPlanner(
                                    settings,
                                    new DeviceInventory(List.of("cpu"), () -> 0, List::of))
                            .plan(trial, study);
            double cpu0 = cpuSeconds();
            long t0 = System.nanoTime();
            TrialResult r = plan.runner().run(plan.request(), ProgressListener.NONE);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuSeconds() - cpu0;
            boolean ok = r.status() == TrialStatus.COMPLETED;
            result =
                    new Result(
                            ok,
                            ok ? null : r.failure() + ": " + r.error(),
                            EventMetrics.finished(r.metrics(), plan),
                            cpu,
                            wall,
                            residentBytes());
        } catch (RuntimeException e) {
            String reason =
                    e instanceof TrainerException te
                            ? te.kind() + ": " + te.getMessage()
                            : e.toString();
            result = new Result(false, reason, Map.of(), 0, 0, 0);
        }
        System.out.println(MARKER + json.writeValueAsString(result));
        System.out.flush();
        System.exit(0);
    }

    private static double cpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getProcessCpuTime() / 1e9
                : 0;
    }

    private static double residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
