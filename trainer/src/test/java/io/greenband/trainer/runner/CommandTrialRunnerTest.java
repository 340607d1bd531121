package io.greenband.trainer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTrialRunnerTest {

    /** Any keys and JSON values: the program must see them exactly as suggested. */
    private static final String CONFIG =
            """
            {"x":0.3,"kernel":"rbf","C":12,"layers":[64,32],"shrinking":true,"class_weight":null,"extra":{"a":1e-3}}""";

    private static final TrialRequest REQUEST =
            new TrialRequest(
                    "cmd-1",
                    new CommandConfig(json(CONFIG)),
                    Fidelity.of("data_fraction", 0.5),
                    9,
                    new DataSource.Synthetic(100, 10, 16, 1),
                    false,
                    null);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        try {
            return TrialJson.MAPPER.readValue(text, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir Path dir;

    private CommandTrialRunner script(String body, Duration timeout) throws IOException {
        Path script = dir.resolve("train.sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        script.toFile().setExecutable(true);
        return new CommandTrialRunner(
                List.of("/bin/sh", script.toString()), dir.resolve("work"), timeout);
    }

    @Test
    void passesTheTrialAsJsonAndReadsProgressAndMetricsLines() throws IOException {
        CommandTrialRunner runner =
                script(
                        """
                cat > stdin.json
                echo "starting (not JSON)"
                echo '{"type":"progress","epoch":1,"epochs":2,"train_loss":1.5,"validation_accuracy":0.4}'
                echo '{"type":"progress","epoch":2,"epochs":2,"train_loss":0.9,"validation_accuracy":0.7}'
                echo '{"type":"result","metrics":{"validation_accuracy":0.7,"validation_loss":0.8},"model_path":"m.bin"}'
                """,
                        Duration.ofSeconds(30));
        List<EpochProgress> progress = new ArrayList<>();
        TrialResult result = runner.run(REQUEST, progress::add);
        assertThat(result.status())
                .as(String.valueOf(result.error()))
                .isEqualTo(TrialStatus.COMPLETED);
        assertThat(result.metric(MetricNames.VALIDATION_ACCURACY)).isEqualTo(0.7);
        assertThat(result.modelPath()).isEqualTo("m.bin");
        assertThat(progress)
                .extracting(EpochProgress::validationAccuracy)
                .containsExactly(0.4, 0.7);
        String stdin = Files.readString(dir.resolve("work/cmd-1/stdin.json"));
        assertThat(stdin).isEqualTo(Files.readString(dir.resolve("work/cmd-1/trial.json")));
        JsonNode trial = TrialJson.MAPPER.readTree(stdin);
        assertThat(trial.get("config")).isEqualTo(TrialJson.MAPPER.readTree(CONFIG));
        assertThat(trial.get("fidelity"))
                .isEqualTo(
                        TrialJson.MAPPER.readTree(
                                "{\"knob\":\"data_fraction\",\"value\":0.5,\"data_fraction\":0.5}"));
        assertThat(trial.get("seed").asLong()).isEqualTo(9);
        assertThat(trial.at("/data/kind").asText()).isEqualTo("synthetic");
    }

    @Test
    void failuresOfTheCommandEndTheTrialFailedWithTheReason() throws IOException {
        TrialResult crashed =
                script("echo 'CUDA driver missing' >&2; exit 3", Duration.ofSeconds(30))
                        .run(REQUEST, ProgressListener.NONE);
        assertThat(crashed.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(crashed.failure()).isEqualTo(TrainerException.Kind.COMMAND);
        assertThat(crashed.error()).contains("status 3").contains("CUDA driver missing");

        TrialResult silent =
                script("echo done", Duration.ofSeconds(30)).run(REQUEST, ProgressListener.NONE);
        assertThat(silent.error()).contains("without a");

        TrialResult nan =
                script(
                                "echo '{\"type\":\"result\",\"metrics\":{\"validation_loss\":\"NaN\"}}'",
                                Duration.ofSeconds(30))
                        .run(REQUEST, ProgressListener.NONE);
        assertThat(nan.failure()).isEqualTo(TrainerException.Kind.DIVERGED);

        TrialResult reported =
                script(
                                "echo '{\"type\":\"result\",\"status\":\"failed\",\"error\":\"out of data\"}'",
                                Duration.ofSeconds(30))
                        .run(REQUEST, ProgressListener.NONE);
        assertThat(reported.error()).contains("out of data");

        TrialResult slow =
                script("sleep 20", Duration.ofMillis(500)).run(REQUEST, ProgressListener.NONE);
        assertThat(slow.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(slow.error()).contains("time limit");

        TrialResult missing =
                new CommandTrialRunner(
                                List.of(dir.resolve("no-such-program").toString()),
                                dir.resolve("work"),
                                Duration.ofSeconds(5))
                        .run(REQUEST, ProgressListener.NONE);
        assertThat(missing.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(missing.error()).contains("no-such-program");
    }

    @Test
    void theProgramSeesOnlyTheAllowedEnvironmentAndRunsInItsRegisteredFolder() throws IOException {
        Path script = dir.resolve("env.sh");
        Files.writeString(
                script,
                """
                env > "$GREENBAND_TRIAL_FILE.env"
                pwd > "$GREENBAND_TRIAL_FILE.pwd"
                echo '{"type":"result","metrics":{"loss":1}}'
                """);
        Path home = Files.createDirectories(dir.resolve("home"));
        Program program =
                new Program(
                        "env",
                        List.of("/bin/sh", script.toString()),
                        home,
                        List.of("PATH"),
                        Duration.ofSeconds(30));
        TrialResult result =
                new CommandTrialRunner(program, dir.resolve("work"))
                        .run(REQUEST, ProgressListener.NONE);

        assertThat(result.status())
                .as(String.valueOf(result.error()))
                .isEqualTo(TrialStatus.COMPLETED);
        List<String> names =
                Files.readAllLines(dir.resolve("work/cmd-1/trial.json.env")).stream()
                        .map(l -> l.substring(0, Math.max(0, l.indexOf('='))))
                        .toList();
        // sh adds PWD, SHLVL and _ itself; nothing of the trainer's own environment (HOME, USER,
        // credentials) passes.
        assertThat(names)
                .contains("PATH", CommandTrialRunner.TRIAL_FILE_ENV)
                .doesNotContain("HOME", "USER")
                .allMatch(
                        n ->
                                List.of(
                                                "PATH",
                                                CommandTrialRunner.TRIAL_FILE_ENV,
                                                "PWD",
                                                "SHLVL",
                                                "_",
                                                "OLDPWD")
                                        .contains(n));
        assertThat(Files.readString(dir.resolve("work/cmd-1/trial.json.pwd")).strip())
                .isEqualTo(home.toRealPath().toString());
    }

    @Test
    void noProcessOfATrialOutlivesItsTimeoutOrCancellation() throws Exception {
        // A child in the background and a grandchild that double-forks away from the tree; both
        // would sleep on.
        String body =
                """
                sleep 300 &
                echo $! > '%1$s/child.pid'
                sh -c 'sleep 300 & echo $! > "%1$s/orphan.pid"' &
                echo '{"type":"progress","epoch":1,"epochs":2}'
                sleep 300
                """;
        TrialResult slow =
                script(body.formatted(dir), Duration.ofSeconds(2))
                        .run(REQUEST, ProgressListener.NONE);
        assertThat(slow.error()).contains("time limit");
        assertGone(dir.resolve("child.pid"), dir.resolve("orphan.pid"));

        Path cancelled = Files.createDirectories(dir.resolve("cancelled"));
        CommandTrialRunner runner = script(body.formatted(cancelled), Duration.ofMinutes(5));
        Thread trial = new Thread(() -> runner.run(REQUEST, ProgressListener.NONE));
        trial.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(cancelled.resolve("orphan.pid"))
                        && Files.exists(cancelled.resolve("child.pid")))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        trial.interrupt();
        trial.join(30_000);
        assertThat(trial.isAlive()).isFalse();
        assertGone(cancelled.resolve("child.pid"), cancelled.resolve("orphan.pid"));
    }

    @Test
    void whatAProgramLeavesRunningWhenItExitsIsKilledToo() throws Exception {
        TrialResult done =
                script(
                                """
                sh -c 'sleep 300 & echo $! > "%s/left.pid"' < /dev/null > /dev/null 2>&1
                echo '{"type":"result","metrics":{"loss":1}}'
                """
                                        .formatted(dir),
                                Duration.ofSeconds(30))
                        .run(REQUEST, ProgressListener.NONE);
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(TrialStatus.COMPLETED);
        if (ProcessTree.SETSID != null) {
            assertGone(dir.resolve("left.pid"));
        }
    }

    /**
     * Every pid in these files names a process that is gone (or a zombie awaiting its reaper)
     * within seconds.
     */
    private static void assertGone(Path... pidFiles) throws Exception {
        for (Path file : pidFiles) {
            long pid = Long.parseLong(Files.readString(file).strip());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (running(pid) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(running(pid))
                    .as("pid %d from %s still runs", pid, file.getFileName())
                    .isFalse();
        }
    }

    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.exists(stat)) {
            String text = Files.readString(stat);
            // A killed orphan may linger as a zombie until init reaps it: it runs nothing any more.
            return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void aResultLineThatDoesNotParseOrLacksTheStudysMetricsIsNamedInTheFailure()
            throws IOException {
        TrialResult truncated =
                script(
                                "echo '{\"type\":\"result\",\"metrics\":{\"loss\":0.4'",
                                Duration.ofSeconds(30))
                        .run(REQUEST, ProgressListener.NONE);
        assertThat(truncated.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(truncated.error())
                .contains("without a")
                .contains("stdout line 1")
                .contains("did not parse")
                .contains("{\"type\":\"result\",\"metrics\":{\"loss\":0.4");

        Path script = dir.resolve("typo.sh");
        Files.writeString(
                script,
                "#!/bin/sh\necho '{\"type\":\"result\",\"metrics\":{\"los\":0.4,"
                        + "\"validation_accuracy\":0.9}}'\n");
        CommandTrialRunner strict =
                new CommandTrialRunner(
                        List.of("/bin/sh", script.toString()),
                        dir.resolve("work"),
                        Duration.ofSeconds(30),
                        java.util.Set.of("loss", "val_error"));
        TrialResult typo = strict.run(REQUEST, ProgressListener.NONE);
        assertThat(typo.status()).isEqualTo(TrialStatus.FAILED);
        // val_error is derived from validation_accuracy, so only loss is missing, and "los" is the
        // unknown name.
        assertThat(typo.error())
                .contains("lacks metric(s) [loss]")
                .contains("[los] no objective reads")
                .doesNotContain("val_error]");

        Files.writeString(
                script,
                "#!/bin/sh\necho '{\"type\":\"result\",\"metrics\":{\"loss\":0.4,"
                        + "\"validation_accuracy\":0.9,\"extra\":1}}'\n");
        assertThat(strict.run(REQUEST, ProgressListener.NONE).status())
                .isEqualTo(TrialStatus.COMPLETED);
    }
}
