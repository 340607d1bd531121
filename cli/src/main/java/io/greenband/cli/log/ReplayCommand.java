package io.greenband.cli.log;

import io.greenband.cli.CliException;
import io.greenband.cli.Connection;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.topic.TopicRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greenband replay}: prepares a rebuild of the MongoDB views. The aggregator rebuilds its views by reading its
 * input topics from the beginning, so replay publishes a study's events (from the stack's topics or an export file)
 * into fresh topics under a new prefix; an aggregator started with that prefix and an empty database then rebuilds
 * the views from them.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Publish a study's events into fresh topics (--into-prefix) for a fresh aggregator to rebuild its views.")
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--study", paramLabel = "STUDY_ID", description = "Replay this study from the stack's topics.")
    String studyId;

    @Option(names = "--from", paramLabel = "FILE", description = "Replay an export file instead.")
    Path from;

    @Option(names = "--into-prefix", required = true, paramLabel = "PREFIX",
            description = "Topic prefix of the fresh topics (must differ from --topic-prefix).")
    String intoPrefix;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if ((studyId == null) == (from == null)) {
            throw CliException.invalidStudy("give exactly one of --study STUDY_ID or --from FILE", null);
        }
        KafkaLog source = connection.kafka();
        if (intoPrefix.equals(source.topics().prefix())) {
            throw CliException.conflict("--into-prefix '" + intoPrefix + "' is the source prefix; replay needs fresh topics");
        }
        List<ReceivedEvent> events = from != null ? EventFile.read(from, source.codec()) : ExportCommand.export(source, studyId);
        KafkaLog target = new KafkaLog(connection.bootstrapServers(), TopicRegistry.withPrefix(intoPrefix));
        target.createTopics(1);
        target.republish(events);
        var out = spec.commandLine().getOut();
        out.println("replayed " + events.size() + " events into topics '" + intoPrefix + "*'");
        out.println("rebuild the views: start pareto-aggregator with GREENBAND_TOPICS_PREFIX=" + intoPrefix
                + " and an empty database (GREENBAND_MONGODB_DATABASE), e.g.");
        out.println("  KAFKA_BOOTSTRAP_SERVERS=" + connection.bootstrapServers() + " GREENBAND_TOPICS_PREFIX=" + intoPrefix
                + " GREENBAND_MONGODB_DATABASE=replay java -jar pareto-aggregator/target/quarkus-app/quarkus-run.jar");
        out.flush();
        return 0;
    }
}
