package io.greenband.cli.replay;

import io.greenband.cli.CliException;
import io.greenband.cli.Connection;
import io.greenband.cli.front.FrontCommand;
import io.greenband.cli.local.LocalOptions;
import io.greenband.cli.local.Service;
import io.greenband.cli.log.EventFile;
import io.greenband.cli.log.ExportCommand;
import io.greenband.cli.log.KafkaLog;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.topic.TopicRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greenband replay}: rebuilds the MongoDB views. The aggregator rebuilds its views by
 * reading its input topics from the beginning, so replay publishes a study's events (from the
 * stack's topics or an export file) into fresh topics under a new prefix; with {@code --rebuild} it
 * then runs a pareto-aggregator on them against an empty database until the views are rebuilt
 * ({@link ViewRebuild}) and prints the rebuilt front.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Publish a study's events into fresh topics (--into-prefix) for a fresh aggregator to rebuild its views.",
            "With --rebuild, run that aggregator against an empty --database until the views are rebuilt, then print "
                    + "the rebuilt front."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Mixin Connection connection;

    @Option(
            names = "--study",
            paramLabel = "STUDY_ID",
            description = "Replay this study from the stack's topics.")
    String studyId;

    @Option(names = "--from", paramLabel = "FILE", description = "Replay an export file instead.")
    Path from;

    @Option(
            names = "--into-prefix",
            required = true,
            paramLabel = "PREFIX",
            description = "Topic prefix of the fresh topics (must differ from --topic-prefix).")
    String intoPrefix;

    @Option(
            names = "--rebuild",
            description =
                    "Run a pareto-aggregator on the fresh topics against the empty database "
                            + "--database (MongoDB at --mongodb) until it has rebuilt the views, then print the rebuilt front.")
    boolean rebuild;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description =
                    "With --rebuild: the project folder holding the built aggregator (default: GREENBAND_HOME or the current folder).")
    Path home;

    @Option(
            names = "--grace-period",
            defaultValue = "3",
            paramLabel = "SECONDS",
            description =
                    "With --rebuild: the aggregator's energy grace period (default ${DEFAULT-VALUE}, as in local runs).")
    int graceSeconds;

    @Option(
            names = "--timeout",
            defaultValue = "300",
            paramLabel = "SECONDS",
            description =
                    "With --rebuild: how long the rebuild may take once the aggregator is ready (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if ((studyId == null) == (from == null)) {
            throw CliException.invalidStudy(
                    "give exactly one of --study STUDY_ID or --from FILE", null);
        }
        KafkaLog source = connection.kafka();
        if (intoPrefix.equals(source.topics().prefix())) {
            throw CliException.conflict(
                    "--into-prefix '"
                            + intoPrefix
                            + "' is the source prefix; replay needs fresh topics");
        }
        if (rebuild && connection.mongodb() == null) {
            throw CliException.invalidStudy(
                    "--rebuild needs MongoDB: give --mongodb URI (and an empty --database)", null);
        }
        List<ReceivedEvent> events =
                from != null
                        ? EventFile.read(from, source.codec())
                        : ExportCommand.export(source, studyId);
        KafkaLog target = connection.kafka(TopicRegistry.withPrefix(intoPrefix));
        var out = spec.commandLine().getOut();
        if (rebuild) {
            rebuild(events, target, out);
            return 0;
        }
        target.createTopics(1);
        target.republish(events);
        out.println("replayed " + events.size() + " events into topics '" + intoPrefix + "*'");
        out.println(
                "rebuild the views: start pareto-aggregator with GREENBAND_TOPICS_PREFIX="
                        + intoPrefix
                        + " and an empty database (GREENBAND_MONGODB_DATABASE), e.g.");
        out.println(
                "  KAFKA_BOOTSTRAP_SERVERS="
                        + connection.bootstrapServers()
                        + " GREENBAND_TOPICS_PREFIX="
                        + intoPrefix
                        + " GREENBAND_MONGODB_DATABASE=replay java -jar pareto-aggregator/target/quarkus-app/quarkus-run.jar");
        out.flush();
        return 0;
    }

    private void rebuild(List<ReceivedEvent> events, KafkaLog target, java.io.PrintWriter out) {
        Path projectHome = LocalOptions.homeOr(home);
        Path log =
                Path.of(
                        ".greenband",
                        "replay-" + connection.database(),
                        Service.PARETO_AGGREGATOR.module() + ".log");
        ViewRebuild views =
                new ViewRebuild(
                        target, connection.mongodb(), connection.database(), projectHome, log);
        views.checkEmpty();
        // The aggregator writes its scores again: the replayed topics get its inputs only.
        List<ReceivedEvent> inputs =
                events.stream().filter(e -> !(e.payload() instanceof TrialScored)).toList();
        target.createTopics(1);
        target.republish(inputs);
        out.println(
                "replayed "
                        + inputs.size()
                        + " events into topics '"
                        + intoPrefix
                        + "*'; rebuilding the views in "
                        + connection.database()
                        + " (aggregator log "
                        + log
                        + ")");
        out.flush();
        views.run(
                events,
                Duration.ofSeconds(graceSeconds),
                Duration.ofSeconds(LocalOptions.DEFAULT_READY_SECONDS),
                Duration.ofSeconds(timeoutSeconds));
        for (String study :
                events.stream()
                        .map(e -> io.greenband.events.payload.StudyScoped.studyOf(e.payload()))
                        .flatMap(java.util.Optional::stream)
                        .distinct()
                        .toList()) {
            out.println("rebuilt front of study " + study + ":");
            out.print(
                    FrontCommand.fromViews(
                            connection.mongodb(), connection.database(), study, false));
        }
        out.flush();
    }
}
