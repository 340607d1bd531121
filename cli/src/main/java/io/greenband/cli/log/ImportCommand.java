package io.greenband.cli.log;

import io.greenband.cli.CliException;
import io.greenband.cli.Connection;
import io.greenband.events.EventType;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.topic.Topic;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenband import FILE}: republishes an export, in file order, keeping every ce_id. Topics
 * that already hold one of the file's studies are refused unless {@code --append} says to add the
 * events anyway. Scores are stored before the rest, so an aggregator that sees an imported trial
 * end already finds its score and keeps it.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description =
                "Publish the events of an export file again (same ids, same order) to the stack's topics.")
public final class ImportCommand implements Callable<Integer> {

    @Mixin Connection connection;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(
            names = "--create-topics",
            description = "Create missing topics first (1 partition each).")
    boolean createTopics;

    @Option(
            names = "--append",
            description =
                    "Import even when the topics already hold one of the file's studies "
                            + "(trainers skip trials that already finished; logged scores are kept).")
    boolean append;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KafkaLog log = connection.kafka();
        List<ReceivedEvent> events = EventFile.read(file, log.codec());
        if (createTopics) {
            log.createTopics(1);
        } else {
            log.checkReachable();
        }
        if (!append) {
            refuseKnownStudies(log, events);
        }
        log.republish(events, e -> e.type() == EventType.TRIAL_SCORED);
        spec.commandLine().getOut().println("imported " + events.size() + " events from " + file);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Fails naming the studies of {@code events} that the topics already define. */
    private static void refuseKnownStudies(KafkaLog log, List<ReceivedEvent> events) {
        Set<String> inFile = new TreeSet<>();
        for (ReceivedEvent e : events) {
            io.greenband.events.payload.StudyScoped.studyOf(e.payload()).ifPresent(inFile::add);
        }
        if (inFile.isEmpty()) {
            return;
        }
        Set<String> present = new TreeSet<>();
        for (LoggedEvent e : log.readAll(List.of(Topic.STUDIES))) {
            if (e.event().payload() instanceof StudyDefined d && inFile.contains(d.studyId())) {
                present.add(d.studyId());
            }
        }
        if (!present.isEmpty()) {
            throw CliException.conflict(
                    "the topics on "
                            + log.bootstrapServers()
                            + " already hold stud"
                            + (present.size() == 1 ? "y " : "ies ")
                            + String.join(", ", present)
                            + "; importing would publish "
                            + "their events a second time. Import into other topics (--topic-prefix), or pass --append to add "
                            + "the events anyway (trainers skip trials that already finished, scores already logged are kept)");
        }
    }
}
