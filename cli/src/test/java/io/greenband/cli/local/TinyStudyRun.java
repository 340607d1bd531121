package io.greenband.cli.local;

import io.greenband.cli.Cli;
import io.greenband.cli.GreenbandCommand;
import io.greenband.cli.log.KafkaLog;
import io.greenband.cli.log.LoggedEvent;
import io.greenband.cli.log.StudyEvents;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A tiny DSNN study (synthetic 16-pixel images, one epoch, a 10 s lease, up to 5 retries of a lost
 * trial: a killed trainer is back within a minute) run through {@code greenband local} with all
 * four services, in a background thread, with helpers to read its topics and to kill one of its
 * service processes.
 */
final class TinyStudyRun {

    static final Path HOME = Path.of(System.getProperty("greenband.home"));

    /** Long enough for a loaded 2-core machine, short enough to stop a stuck run. */
    static final Duration RUN_LIMIT = Duration.ofMinutes(6);

    final String studyId;
    final Path dataDir;
    final int kafkaPort = LocalStack.freePort();
    final int mongoPort = LocalStack.freePort();
    private final Path file;
    private CompletableFuture<Cli> running;

    TinyStudyRun(Path dir, String studyId, int maxTrials) throws IOException {
        this.studyId = studyId;
        this.dataDir = dir.resolve("run");
        this.file = dir.resolve(studyId + ".yaml");
        Files.writeString(
                file,
                """
                studyId: %s
                name: tiny end-to-end study
                space:
                  name: tiny
                  hyperparameters:
                    - {type: constant, name: batch_size, value: 20}
                    - {type: categorical, name: optimizer, choices: [sgd, adam]}
                    - {type: uniform_float, name: learning_rate, lower: 0.001, upper: 0.1, log: true, default_value: 0.01}
                    - {type: constant, name: epochs, value: 1}
                    - {type: uniform_int, name: weight_bits, lower: 2, upper: 8, default_value: 5}
                    - {type: categorical, name: shift_type, choices: [Q, PS]}
                    - {type: constant, name: rounding, value: deterministic}
                objectives:
                  - {name: val_error, direction: minimize, source: "metric:val_error"}
                  - {name: emissions_g, direction: minimize, source: "energy:emissions_g", unit: g}
                fidelity: {knob: shift_depth, min: 6, max: 18, eta: 3}
                scheduler: {kind: hyperband, ranking: parego, parallelism: 1, leaseSeconds: 10s, maxRetries: 5}
                budget: {maxTrials: %d, wallClockLimitSeconds: 5m}
                carbon: {intensityGPerKwh: 475.0}
                seed: 3
                workload:
                  backend: dsnn
                  dataset: synthetic
                  options: {syntheticTrainImages: "40", syntheticTestImages: "20", syntheticImageSize: "16"}
                """
                        .formatted(studyId, maxTrials));
    }

    /** Starts {@code greenband local} on the study in the background. */
    TinyStudyRun start() {
        running =
                CompletableFuture.supplyAsync(
                        () ->
                                Cli.run(
                                        "local",
                                        file.toString(),
                                        "--data-dir",
                                        dataDir.toString(),
                                        "--home",
                                        HOME.toString(),
                                        "--kafka-port",
                                        Integer.toString(kafkaPort),
                                        "--mongo-port",
                                        Integer.toString(mongoPort),
                                        "--ready-timeout",
                                        "180"));
        return this;
    }

    /**
     * Starts {@code greenband local} on the study in a JVM of its own (this test's class path), its
     * output in {@code log}: a process the test can kill as a user would kill the command.
     */
    Process startProcess(Path log) throws IOException {
        List<String> cmd =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx768m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        GreenbandCommand.class.getName(),
                        "local",
                        file.toString(),
                        "--data-dir",
                        dataDir.toString(),
                        "--home",
                        HOME.toString(),
                        "--kafka-port",
                        Integer.toString(kafkaPort),
                        "--mongo-port",
                        Integer.toString(mongoPort),
                        "--ready-timeout",
                        "180");
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /**
     * Waits for the run to end; what it printed goes to the test's output too, to follow a failing
     * run.
     */
    Cli await() throws Exception {
        Cli run = running.get(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
        System.out.println(run.out() + run.err());
        return run;
    }

    /**
     * The run's stack started again on its data (the run stopped it): its topics and views are kept
     * there.
     */
    LocalStack reopen() {
        LocalStack again = new LocalStack(HOME, dataDir);
        again.startStack(kafkaPort, mongoPort);
        return again;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    KafkaLog log() {
        return new KafkaLog(bootstrapServers(), TopicRegistry.withPrefix(""));
    }

    /** The study's events on every topic but dead-letter, in log order. */
    List<GreenbandEvent> events() {
        return StudyEvents.select(log().readAll(StudyEvents.topics()), studyId).stream()
                .map(e -> e.event().payload())
                .toList();
    }

    /** The payloads of one topic. */
    <T extends GreenbandEvent> List<T> events(Topic topic, Class<T> type) {
        return log().readAll(List.of(topic)).stream()
                .map(LoggedEvent::event)
                .map(e -> e.payload(type))
                .toList();
    }

    /** Waits (while the run goes on) until the topics hold what {@code condition} looks for. */
    void awaitEvents(Predicate<List<GreenbandEvent>> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (System.nanoTime() < deadline && !ended()) {
            try {
                if (condition.test(events())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the stack is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "never saw " + what + (ended() ? "; the run ended: " + running.join() : ""));
    }

    /**
     * Whether the run started in this JVM has ended (a run in a process of its own never counts as
     * ended here).
     */
    private boolean ended() {
        return running != null && running.isDone();
    }

    /** Kills (SIGKILL) the process of {@code service} started by this JVM; false when none runs. */
    static boolean kill(Service service) {
        String jar = service.module() + "/target/quarkus-app/quarkus-run.jar";
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .map(ProcessHandle::destroyForcibly)
                .reduce(false, Boolean::logicalOr);
    }
}
