package io.greenband.cli.local;

import static io.greenband.cli.local.EndToEndIT.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.cli.Cli;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.topic.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kill tests: one service of a {@code greenband local} run, or the whole {@code local} process, is
 * killed with SIGKILL mid-study. The study still completes with no trial lost, no attempt scored
 * twice or with two values, no trial scored 0 J once the energy monitor publishes again, and no
 * process left behind.
 */
class KillIT {

    /**
     * Long enough for service JVMs that lost their parent to notice it and stop on a loaded
     * machine.
     */
    private static final Duration ORPHAN_LIMIT = Duration.ofSeconds(60);

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Service.class)
    void aKilledServiceIsRestartedAndNoTrialIsLostOrScoredTwice(Service service) throws Exception {
        // More trials when the energy monitor dies, so some surely start after its restart (a JVM
        // start on a busy machine).
        int trials = service == Service.ENERGY_MONITOR ? 6 : 4;
        TinyStudyRun study = new TinyStudyRun(dir, "kill-" + service.module(), trials).start();
        try (KillChecks.Descendants processes = new KillChecks.Descendants()) {
            awaitScoredAndRunning(study);
            Instant killedAt = Instant.now();
            assertThat(TinyStudyRun.kill(service))
                    .as("a %s process to kill", service.module())
                    .isTrue();

            Cli run = study.await();
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains(
                            service.module() + " stopped unexpectedly",
                            service.module() + " ready again",
                            "stopped: budget_exhausted");
            processes.assertAllGone(ORPHAN_LIMIT);

            List<GreenbandEvent> events;
            List<EnergySample> samples;
            try (LocalStack stack = study.reopen()) {
                events = study.events();
                samples = study.events(Topic.ENERGY_SAMPLE, EnergySample.class);
            }
            KillChecks.everyTrialScoredOnce(events);
            int checked = KillChecks.noZeroEnergyAfter(killedAt, events, samples);
            if (service == Service.ENERGY_MONITOR) {
                assertThat(checked)
                        .as("trials started after the energy monitor came back")
                        .isPositive();
            }
        }
    }

    @Test
    void aKilledLocalRunLeavesNoServiceBehindAndItsRerunScoresEveryTrialOnce() throws Exception {
        TinyStudyRun study = new TinyStudyRun(dir, "kill-local", 4);
        Path firstLog = dir.resolve("first-run.log");
        try (KillChecks.Descendants processes = new KillChecks.Descendants()) {
            Process local = study.startProcess(firstLog);
            try {
                awaitScoredAndRunning(study);
                Set<ProcessHandle> services = local.descendants().collect(Collectors.toSet());
                assertThat(services)
                        .as("service processes of the first run")
                        .hasSizeGreaterThanOrEqualTo(4);
                local.destroyForcibly();
                assertThat(local.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                local.destroyForcibly();
            }
            // Its services watch it: each stops on its own although no shutdown hook ran.
            processes.assertAllGone(ORPHAN_LIMIT);

            Cli rerun = study.start().await();
            assertThat(rerun.exitCode())
                    .as(rerun.err() + "\nfirst run:\n" + Files.readString(firstLog))
                    .isZero();
            assertThat(rerun.out())
                    .contains("resuming study kill-local", "stopped: budget_exhausted");
            processes.assertAllGone(ORPHAN_LIMIT);
        }
        List<GreenbandEvent> events;
        try (LocalStack stack = study.reopen()) {
            events = study.events();
        }
        KillChecks.everyTrialScoredOnce(events);
    }

    /** Waits until a trial is scored and another one runs (started, not finished). */
    private static void awaitScoredAndRunning(TinyStudyRun study) throws InterruptedException {
        study.awaitEvents(
                events -> {
                    if (of(events, TrialScored.class).isEmpty()) {
                        return false;
                    }
                    Set<String> ended =
                            of(events, TrialFinished.class).stream()
                                    .map(f -> f.trialId() + "#" + f.attempt())
                                    .collect(Collectors.toSet());
                    return of(events, TrialStarted.class).stream()
                            .anyMatch(s -> !ended.contains(s.trialId() + "#" + s.attempt()));
                },
                "a scored trial and a running one");
    }
}
