package io.greenband.cli.front;

import io.greenband.cli.CliException;
import io.greenband.cli.Connection;
import io.greenband.cli.log.LoggedEvent;
import io.greenband.cli.study.StudyDirectory;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.topic.Topic;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenband front STUDY}: the Pareto front from {@code trial-scored} events (the highest
 * fidelity by default), or from the aggregator's {@code fronts} view when {@code --mongodb} is
 * given.
 */
@Command(
        name = "front",
        mixinStandardHelpOptions = true,
        description =
                "Print a study's Pareto front (from trial-scored, or the aggregator's views with --mongodb).")
public final class FrontCommand implements Callable<Integer> {

    @Mixin Connection connection;

    @Parameters(index = "0", paramLabel = "STUDY_ID", description = "The study.")
    String studyId;

    @Option(names = "--csv", description = "Write CSV instead of a table.")
    boolean csv;

    @Option(
            names = "--all-fidelities",
            description = "Compute the front over every fidelity, not only the highest.")
    boolean allFidelities;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (connection.mongodb() != null) {
            out.print(fromViews(connection.mongodb(), connection.database(), studyId, csv));
        } else {
            ScoredTrials scored = fold(connection, studyId);
            if (scored.names().isEmpty()) {
                // An unknown study is named as such (with the known ones), not as one without
                // scores.
                new StudyDirectory(connection.kafka()).get(studyId);
                throw CliException.notFound("study '" + studyId + "' has no scored trials yet");
            }
            List<Point> front = scored.front(allFidelities);
            out.print(
                    csv
                            ? FrontTable.csv(scored.names(), front)
                            : FrontTable.table(scored.names(), front));
        }
        out.flush();
        return 0;
    }

    /**
     * The study's trial-scored events folded from the log: only the aggregator's, for attempts
     * trial-finished holds ({@link ScoreTrust}).
     */
    public static ScoredTrials fold(Connection connection, String studyId) {
        ScoredTrials scored = new ScoredTrials(studyId);
        ScoreTrust trust = ScoreTrust.fromEnvironment();
        for (LoggedEvent e :
                connection.kafka().readAll(List.of(Topic.TRIAL_FINISHED, Topic.TRIAL_SCORED))) {
            for (var event : trust.admit(e.event())) {
                if (event instanceof TrialScored s) {
                    scored.add(s);
                }
            }
        }
        return scored;
    }

    /** The study's top front from the aggregator's views in {@code database}, as a table or CSV. */
    public static String fromViews(String mongodb, String database, String studyId, boolean csv) {
        FrontViews.Front front = FrontViews.read(mongodb, database, studyId);
        return csv
                ? FrontTable.csv(front.names(), front.points())
                : FrontTable.table(front.names(), front.points());
    }
}
