package io.greenband.trainer.adapter.messaging;

import io.greenband.events.SampleEvents;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.payload.Workload;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.EventIntake;
import io.greenband.trainer.runner.Program;
import io.greenband.trainer.runner.ProgramRegistry;
import io.greenband.trainer.worker.DeviceInventory;
import io.greenband.trainer.worker.TrialPlanner;
import io.greenband.trainer.worker.TrialWorker;
import io.greenband.trainer.worker.WorkerSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One trainer built as the service wires it, on a real broker, with a name and its own poll
 * settings.
 */
final class TestTrainer implements AutoCloseable {

    static final String GROUP = "greenband-trainer";

    final String name;
    private final EventIntake intake;
    private final KafkaTrialEvents events;
    private final StudyReader studies;
    private final TrialWorker worker;
    final TrialConsumerLoop loop;

    /** The name under which {@link #programs} registers a test's script. */
    static final String PROGRAM = "script";

    TestTrainer(
            String name,
            String bootstrap,
            TopicRegistry topics,
            Path workDir,
            Duration maxPollInterval,
            ProgramRegistry programs) {
        this.name = name;
        Map<String, Object> kafka = Map.of("bootstrap.servers", bootstrap);
        intake =
                new EventIntake(
                        topics,
                        java.util.Map.of("bootstrap.servers", bootstrap),
                        "greenband-trainer");
        WorkerSettings settings =
                new WorkerSettings(
                        name,
                        "test-host",
                        ProcessHandle.current().pid(),
                        List.of("cpu"),
                        Duration.ofMillis(500),
                        40,
                        10,
                        16,
                        null,
                        false,
                        null,
                        workDir,
                        Duration.ofMinutes(2),
                        false);
        events = new KafkaTrialEvents(intake.codec(), kafka, name + "-events");
        worker =
                new TrialWorker(
                        new TrialPlanner(
                                settings, DeviceInventory.detect(settings.devices()), programs),
                        events,
                        settings,
                        Clock.systemUTC());
        studies = new StudyReader(kafka, topics, intake.codec(), Duration.ofSeconds(10));
        loop =
                new TrialConsumerLoop(
                        kafka,
                        topics,
                        new ConsumerSettings(
                                GROUP,
                                name,
                                maxPollInterval,
                                Duration.ofMillis(250),
                                Duration.ofSeconds(10)),
                        intake,
                        studies,
                        worker,
                        events);
        loop.start();
    }

    /** The trainer's registry: {@code script} runs {@code /bin/sh SCRIPT}. */
    static ProgramRegistry programs(Path script) {
        return ProgramRegistry.of(
                List.of(
                        new Program(
                                PROGRAM,
                                List.of("/bin/sh", script.toString()),
                                null,
                                null,
                                Duration.ofMinutes(2))));
    }

    /** A study whose trials run the registered program {@code program}. */
    static StudyDefined programStudy(String studyId, String program) {
        return study(studyId, new Workload(Workload.COMMAND, null, null, null, program, null));
    }

    /** A study whose trials run {@link #PROGRAM}, the script {@link #programs} registers. */
    static StudyDefined commandStudy(String studyId) {
        return programStudy(studyId, PROGRAM);
    }

    /**
     * A study written before programs were registered: it carries its own command, which must never
     * run.
     */
    static StudyDefined legacyCommandStudy(String studyId, List<String> command) {
        return study(studyId, new Workload(Workload.COMMAND, null, null, command, null, null));
    }

    private static StudyDefined study(String studyId, Workload workload) {
        StudyDefined sample = SampleEvents.studyDefined();
        return new StudyDefined(
                studyId,
                null,
                null,
                null,
                sample.space(),
                sample.objectives(),
                sample.fidelity(),
                null,
                null,
                null,
                1L,
                workload,
                Instant.now());
    }

    /** A trial of {@code studyId} with a small DSNN configuration. */
    static TrialSuggested trial(String studyId, String trialId, Map<String, Object> config) {
        return new TrialSuggested(
                studyId,
                trialId,
                1,
                null,
                config,
                2.0,
                0,
                0,
                7L,
                60,
                "initial",
                null,
                Instant.now());
    }

    /** Stops without reporting or committing, as a killed process would. */
    void crash() {
        loop.abandon();
        closeClients();
    }

    @Override
    public void close() {
        loop.close();
        closeClients();
    }

    private void closeClients() {
        studies.close();
        events.close();
        worker.close(); // the intake's dead-letter producer closes with the JVM, as in the service
    }
}
