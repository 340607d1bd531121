package io.greenband.cli.log;

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

/** {@code greenband import FILE}: republishes an export, in file order, keeping every ce_id. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Publish the events of an export file again (same ids, same order) to the stack's topics.")
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--create-topics", description = "Create missing topics first (1 partition each).")
    boolean createTopics;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KafkaLog log = connection.kafka();
        List<ReceivedEvent> events = EventFile.read(file, log.codec());
        if (createTopics) {
            log.createTopics(1);
        } else {
            log.checkReachable();
        }
        log.republish(events);
        spec.commandLine().getOut().println("imported " + events.size() + " events from " + file);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
