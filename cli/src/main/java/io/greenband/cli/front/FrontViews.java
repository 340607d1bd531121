package io.greenband.cli.front;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.greenband.cli.CliException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * A study's top front read from the pareto-aggregator's MongoDB views: the members of {@code
 * fronts}, named after the study's objectives in {@code studies}, with each member's energy from
 * its {@code trials} document (total joules and how they were obtained), so a replayed study reads
 * as it did live.
 */
public final class FrontViews {

    private FrontViews() {}

    /** The objective names and the top front of {@code studyId} in {@code database}. */
    public record Front(List<String> names, List<Point> points) {}

    /** Reads the front; not found when the study or its front is not in the views. */
    public static Front read(String mongodb, String database, String studyId) {
        try (MongoClient client = MongoClients.create(mongodb)) {
            return read(client.getDatabase(database), studyId);
        } catch (com.mongodb.MongoException e) {
            throw CliException.stack(
                    "cannot read MongoDB at " + mongodb + ": " + e.getMessage(), e);
        }
    }

    /** Reads the front from an open database. */
    public static Front read(MongoDatabase db, String studyId) {
        Document study = db.getCollection("studies").find(Filters.eq("_id", studyId)).first();
        Document front =
                db.getCollection("fronts")
                        .find(Filters.and(Filters.eq("studyId", studyId), Filters.eq("top", true)))
                        .first();
        if (study == null && front == null) {
            List<String> known = new ArrayList<>();
            db.getCollection("studies")
                    .find()
                    .limit(20)
                    .forEach(d -> known.add(String.valueOf(d.get("_id"))));
            throw CliException.notFound(
                    "no study '"
                            + studyId
                            + "' in "
                            + db.getName()
                            + ".studies; known: "
                            + (known.isEmpty()
                                    ? "none (is the aggregator running against this database?)"
                                    : known));
        }
        if (front == null) {
            throw CliException.notFound(
                    "study '"
                            + studyId
                            + "' has no front in "
                            + db.getName()
                            + ".fronts yet: fronts appear once trials are scored");
        }
        double fidelity = ((Number) front.get("fidelity")).doubleValue();
        List<Point> points = new ArrayList<>();
        int dims = 0;
        for (Document m : front.getList("members", Document.class)) {
            List<Double> values =
                    m.getList("values", Number.class).stream().map(Number::doubleValue).toList();
            dims = Math.max(dims, values.size());
            String id = m.getString("id");
            Document trial =
                    db.getCollection("trials").find(Filters.eq("_id", studyId + "/" + id)).first();
            points.add(point(id, fidelity, values, trial));
        }
        List<String> names =
                study == null ? List.of() : study.getList("objectives", String.class, List.of());
        if (names.size() != dims) {
            // A study document from an older aggregator: number the objectives rather than misname
            // them.
            names = new ArrayList<>();
            for (int i = 0; i < dims; i++) {
                names.add("objective_" + (i + 1));
            }
        }
        return new Front(List.copyOf(names), points);
    }

    private static Point point(String id, double fidelity, List<Double> values, Document trial) {
        Document energy = trial == null ? null : trial.get("energy", Document.class);
        String trialId = id;
        if (trial != null && trial.getString("trialId") != null) {
            Number attempt = trial.get("attempt", Number.class);
            trialId =
                    trial.getString("trialId")
                            + (attempt != null && attempt.intValue() > 1 ? "#" + attempt : "");
        }
        if (energy == null) {
            return new Point(trialId, fidelity, values, Double.NaN, "", "not attributed yet");
        }
        double joules = number(energy, "trainJoules") + number(energy, "inferenceJoules");
        return new Point(trialId, fidelity, values, joules, "", describe(energy));
    }

    private static double number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.doubleValue() : 0.0;
    }

    /**
     * As {@link Point#describe} does for an event: bases, measured or estimated, complete or
     * partial.
     */
    private static String describe(Document energy) {
        Set<String> bases = new TreeSet<>();
        Document basis = energy.get("basis", Document.class);
        if (basis != null) {
            basis.values().forEach(v -> bases.addAll(List.of(String.valueOf(v).split("\\+"))));
        }
        StringBuilder b = new StringBuilder(String.join("+", bases));
        b.append(b.length() == 0 ? "" : " ")
                .append(
                        Boolean.TRUE.equals(energy.getBoolean("estimated"))
                                ? "estimated"
                                : "measured");
        Boolean partial = energy.getBoolean("partial");
        if (partial != null) {
            b.append(partial ? " partial" : " complete");
        }
        return b.toString();
    }
}
