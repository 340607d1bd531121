package io.greenband.cli.log;

import io.greenband.cli.CliException;
import io.greenband.cli.Connection;
import io.greenband.events.codec.ReceivedEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenband export STUDY_ID -o FILE}: a study's events as CloudEvents JSON lines, in log
 * order.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Write all of a study's events (every topic, log order) as CloudEvents JSON lines.")
public final class ExportCommand implements Callable<Integer> {

    @Mixin Connection connection;

    @Parameters(paramLabel = "STUDY_ID")
    String studyId;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Where to write.")
    Path output;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KafkaLog log = connection.kafka();
        List<ReceivedEvent> events = export(log, studyId);
        EventFile.write(output, events, log.codec());
        spec.commandLine()
                .getOut()
                .println(
                        "exported "
                                + events.size()
                                + " events of study "
                                + studyId
                                + " to "
                                + output);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The study's events, or a not-found error when it has none. */
    public static List<ReceivedEvent> export(KafkaLog log, String studyId) {
        List<ReceivedEvent> events =
                StudyEvents.select(log.readAll(StudyEvents.topics()), studyId).stream()
                        .map(LoggedEvent::event)
                        .toList();
        if (events.isEmpty()) {
            throw CliException.notFound(
                    "no events of study '"
                            + studyId
                            + "' on "
                            + log.topics().name(io.greenband.events.topic.Topic.STUDIES)
                            + " and the other topics; check the id and --topic-prefix");
        }
        return events;
    }
}
