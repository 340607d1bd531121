package io.greenband.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.cli.Cli;
import io.greenband.cli.ExitCodes;
import io.greenband.cli.log.KafkaLog;
import io.greenband.cli.study.StudyDirectory;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.topic.TopicRegistry;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code greenband local} with one real service (the energy monitor): the stack starts, the study
 * is published, the run ends when the study is stopped, writes its report, and a second run on the
 * same data directory resumes.
 */
class LocalRunIT {

    static final Path QUICK =
            Path.of(System.getProperty("greenband.home"), "examples", "dsnn-quick.yaml");

    @TempDir Path dir;

    private CompletableFuture<Cli> local(Path study, int kafkaPort) {
        return local(study, kafkaPort, new StringWriter());
    }

    /** Runs {@code local}, writing its output to {@code out} as it goes so a test can follow it. */
    private CompletableFuture<Cli> local(Path study, int kafkaPort, StringWriter out) {
        return CompletableFuture.supplyAsync(
                () ->
                        Cli.run(
                                out,
                                "local",
                                study.toString(),
                                "--data-dir",
                                dir.resolve("run").toString(),
                                "--services",
                                "energy-monitor",
                                "--kafka-port",
                                Integer.toString(kafkaPort),
                                "--ready-timeout",
                                "90"));
    }

    @Test
    void runsUntilStoppedWritesReportAndResumes() throws Exception {
        int kafkaPort = LocalStack.freePort();
        CompletableFuture<Cli> first = local(QUICK, kafkaPort);
        KafkaLog log = new KafkaLog("127.0.0.1:" + kafkaPort, TopicRegistry.withPrefix(""));
        StudyDirectory studies = new StudyDirectory(log);
        while (!first.isDone() && !isDefined(studies)) {
            Thread.sleep(500);
        }
        assertThat(first.isDone())
                .as("local ended early: %s", first.isDone() ? first.get() : "")
                .isFalse();
        studies.stop("dsnn-quick", StudyStopped.Reason.REQUESTED, "test");
        Cli run = first.get(120, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "energy-monitor ready on port",
                        "study dsnn-quick published",
                        "study dsnn-quick stopped: requested (test)",
                        "no trial was scored");
        assertThat(dir.resolve("run/logs/energy-monitor.log")).isNotEmptyFile();
        // No suggester ran, so the stack's MongoDB holds no importances: the report says so, and
        // the read succeeded.
        assertThat(Files.readString(dir.resolve("run/report.html")))
                .contains("Study dsnn-quick")
                .contains("\"note\":\"No parameter importances: the suggester computes them");
        assertThat(run.out()).doesNotContain("warning: the report shows no parameter importances");

        Cli again = local(QUICK, LocalStack.freePort()).get(120, TimeUnit.SECONDS);
        assertThat(again.exitCode()).as(again.err()).isZero();
        // Finished in the log: front and report come from it, without starting a service.
        assertThat(again.out())
                .contains(
                        "study dsnn-quick already finished",
                        "no service started",
                        "stopped: requested",
                        "report: ")
                .doesNotContain("ready on port");

        Path changed = dir.resolve("changed.yaml");
        Files.writeString(changed, Files.readString(QUICK).replace("seed: 7", "seed: 99"));
        Cli refused = local(changed, LocalStack.freePort()).get(120, TimeUnit.SECONDS);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(refused.err())
                .contains("already exists with another definition")
                .doesNotContain("\tat ");
    }

    @Test
    void serviceThatKeepsDyingIsRestartedThreeTimesThenStopsTheRun() throws Exception {
        StringWriter out = new StringWriter();
        CompletableFuture<Cli> run = local(QUICK, LocalStack.freePort(), out);
        int kills = 0;
        while (!run.isDone() && kills <= LocalStack.MAX_RESTARTS) {
            // Kill each start only once the run has seen it ready, so it sees a crash, not a failed
            // start, however
            // slowly the machine starts it.
            String said = out.toString();
            boolean up =
                    kills == 0
                            ? said.contains("energy-monitor ready on port")
                            : said.split("energy-monitor ready again", -1).length - 1 >= kills;
            if (up && TinyStudyRun.kill(Service.ENERGY_MONITOR)) {
                kills++;
            }
            Thread.sleep(500);
        }
        Cli stopped = run.get(180, TimeUnit.SECONDS);
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(ExitCodes.SERVICE);
        assertThat(stopped.out())
                .contains(
                        "energy-monitor stopped unexpectedly (exit status 137); restarting it (1 of 3)",
                        "restarting it (3 of 3)",
                        "energy-monitor ready again");
        assertThat(stopped.err())
                .contains(
                        "energy-monitor stopped unexpectedly (exit status 137) after 3 restarts",
                        "last lines of")
                .doesNotContain("\tat ");
    }

    @Test
    void kafkaPortInUseIsAStackErrorNamingThePort() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            Cli run = local(QUICK, taken.getLocalPort()).get(120, TimeUnit.SECONDS);
            assertThat(run.exitCode()).isEqualTo(ExitCodes.STACK);
            assertThat(run.err())
                    .contains(Integer.toString(taken.getLocalPort()))
                    .doesNotContain("\tat ");
        }
    }

    private static boolean isDefined(StudyDirectory studies) {
        try {
            return studies.find("dsnn-quick").isPresent();
        } catch (RuntimeException notYet) {
            return false;
        }
    }
}
