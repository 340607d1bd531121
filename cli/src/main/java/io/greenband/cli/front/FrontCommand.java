package io.greenband.cli.front;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.greenband.cli.CliException;
import io.greenband.cli.Connection;
import io.greenband.cli.log.LoggedEvent;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bson.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenband front STUDY}: the Pareto front from {@code trial-scored} events (the highest fidelity by default),
 * or from the aggregator's {@code fronts} view when {@code --mongodb} is given.
 */
@Command(name = "front", mixinStandardHelpOptions = true,
        description = "Print a study's Pareto front (from trial-scored, or the aggregator's views with --mongodb).")
public final class FrontCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "STUDY_ID", description = "The study.")
    String studyId;

    @Option(names = "--csv", description = "Write CSV instead of a table.")
    boolean csv;

    @Option(names = "--all-fidelities", description = "Compute the front over every fidelity, not only the highest.")
    boolean allFidelities;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (connection.mongodb() != null) {
            out.print(fromViews(connection.mongodb(), connection.database(), studyId, csv));
        } else {
            ScoredTrials scored = fold(connection, studyId);
            if (scored.names().isEmpty()) {
                throw CliException.notFound("study '" + studyId + "' has no scored trials yet");
            }
            List<Point> front = scored.front(allFidelities);
            out.print(csv ? FrontTable.csv(scored.names(), front) : FrontTable.table(scored.names(), front));
        }
        out.flush();
        return 0;
    }

    /**
     * The study's trial-scored events folded from the log: only the aggregator's, for attempts trial-finished
     * holds ({@link ScoreTrust}).
     */
    public static ScoredTrials fold(Connection connection, String studyId) {
        ScoredTrials scored = new ScoredTrials(studyId);
        ScoreTrust trust = ScoreTrust.fromEnvironment();
        for (LoggedEvent e : connection.kafka().readAll(List.of(Topic.TRIAL_FINISHED, Topic.TRIAL_SCORED))) {
            for (var event : trust.admit(e.event())) {
                if (event instanceof TrialScored s) {
                    scored.add(s);
                }
            }
        }
        return scored;
    }

    /** The study's top front from the aggregator's {@code fronts} view in {@code database}, as a table or CSV. */
    public static String fromViews(String mongodb, String database, String studyId, boolean csv) {
        try (MongoClient client = MongoClients.create(mongodb)) {
            Document doc = client.getDatabase(database).getCollection("fronts")
                    .find(Filters.and(Filters.eq("studyId", studyId), Filters.eq("top", true))).first();
            if (doc == null) {
                throw CliException.notFound("no top front for study '" + studyId + "' in " + database
                        + ".fronts; is the aggregator running against this database?");
            }
            double fidelity = ((Number) doc.get("fidelity")).doubleValue();
            List<Point> points = new ArrayList<>();
            int dims = 0;
            for (Document m : doc.getList("members", Document.class)) {
                List<Double> values = m.getList("values", Number.class).stream().map(Number::doubleValue).toList();
                dims = values.size();
                points.add(new Point(m.getString("id"), fidelity, values, Double.NaN, ""));
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < dims; i++) {
                names.add("objective_" + (i + 1));
            }
            return csv ? FrontTable.csv(names, points) : FrontTable.table(names, points);
        } catch (com.mongodb.MongoException e) {
            throw CliException.stack("cannot read MongoDB at " + mongodb + ": " + e.getMessage(), e);
        }
    }
}
