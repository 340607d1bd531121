package io.greenband.cli.producer;

import io.greenband.cli.CliException;
import io.greenband.cli.Connection;
import io.greenband.cli.log.KafkaLog;
import io.greenband.cli.study.StudyDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenband producer --study ID --name P --objective O -- PROGRAM [ARGS]}: a plug-in
 * objective producer written in any language, run once per succeeded trial.
 */
@Command(
        name = "producer",
        mixinStandardHelpOptions = true,
        description = {
            "Run PROGRAM for every succeeded trial of a study and publish what it prints as the objective's "
                    + "value (objective-reported). PROGRAM reads the trial-finished event as JSON on standard input and "
                    + "prints a number, or {\"value\": x, \"unit\": \"u\"}, on its last line.",
            "The study names the objective's source producer:NAME (or producer:NAME/OBJECTIVE)."
        })
public final class ProducerCommand implements Callable<Integer> {

    @Mixin Connection connection;

    @Option(
            names = "--study",
            required = true,
            paramLabel = "STUDY_ID",
            description = "The study to follow.")
    String studyId;

    @Option(
            names = "--name",
            required = true,
            paramLabel = "NAME",
            description = "The producer's name, as in the study's source producer:NAME.")
    String name;

    @Option(
            names = "--objective",
            required = true,
            paramLabel = "OBJECTIVE",
            description = "The objective's name.")
    String objective;

    @Option(
            names = "--timeout",
            defaultValue = "PT2M",
            paramLabel = "DURATION",
            description = "Limit of one program run, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--until-stopped",
            description = "Exit once the study stopped and its trials were handled.")
    boolean untilStopped;

    @Parameters(
            arity = "1..*",
            paramLabel = "PROGRAM",
            description = "The program and its arguments (after --).")
    List<String> program;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ProgramObjective objectiveProgram;
        try {
            objectiveProgram =
                    new ProgramObjective(
                            program,
                            name,
                            objective,
                            timeout,
                            Path.of("").toAbsolutePath(),
                            Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw CliException.invalidStudy(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        KafkaLog log = connection.kafka();
        // An unknown study would be followed forever: refuse it, naming the studies that exist.
        new StudyDirectory(log).get(studyId);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread hook = new Thread(() -> running.set(false), "producer-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println(
                "producer "
                        + name
                        + ": following study "
                        + studyId
                        + " for objective "
                        + objective);
        out.flush();
        int reported =
                new ProducerLoop(log, studyId, objectiveProgram, out)
                        .run(running::get, untilStopped);
        out.println("producer " + name + ": reported " + reported + " values");
        out.flush();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
        return 0;
    }
}
