package io.greenband.aggregator.adapter.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.greenband.aggregator.AggregatorException;
import io.greenband.events.payload.TrialProgress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The learning curves of a study's trials, kept from {@code trial-progress} for the dashboard: one
 * document per trial attempt, one entry per epoch (a redelivered or repeated report of an epoch
 * replaces it, so writes are idempotent). Bounded: epochs above {@link #MAX_EPOCHS} and metrics
 * beyond {@link #MAX_METRICS} per report are not kept, and heartbeats without metrics are not
 * stored.
 */
public final class MongoProgressStore {

    /** Collection of the curves. */
    public static final String PROGRESS = "trial_progress";

    /** Highest epoch kept per trial attempt. */
    public static final int MAX_EPOCHS = 1000;

    /** Metrics kept per report (in name order). */
    public static final int MAX_METRICS = 16;

    /** Trial attempts returned per study. */
    public static final int MAX_CURVES = 1000;

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<org.bson.Document> curves;

    /** A store on one database. */
    public MongoProgressStore(MongoDatabase database) {
        this.curves =
                Objects.requireNonNull(database, "database must not be null")
                        .getCollection(PROGRESS);
    }

    /** Creates the query index (idempotent). */
    public void ensureIndexes() {
        run(
                "creating the progress index",
                () ->
                        curves.createIndex(
                                Indexes.ascending("studyId"), new IndexOptions().name("study")));
    }

    /**
     * Keeps one report; returns false when it is not kept (a heartbeat, or an epoch beyond the
     * bound).
     */
    public boolean record(TrialProgress p) {
        if (p.metrics().isEmpty() || p.epoch() > MAX_EPOCHS) {
            return false;
        }
        // Metrics as name/value pairs: names are free text and may not be valid MongoDB field
        // names.
        List<org.bson.Document> metrics = new ArrayList<>();
        new TreeMap<>(p.metrics())
                .entrySet().stream()
                        .limit(MAX_METRICS)
                        .forEach(
                                m ->
                                        metrics.add(
                                                new org.bson.Document("name", m.getKey())
                                                        .append("value", m.getValue())));
        String id = p.studyId() + "/" + p.trialId() + "#" + p.attempt();
        var update =
                Updates.combine(
                        Updates.set("studyId", p.studyId()),
                        Updates.set("trialId", p.trialId()),
                        Updates.set("attempt", p.attempt()),
                        Updates.set("epochs", p.epochs()),
                        Updates.set(
                                "points." + p.epoch(),
                                new org.bson.Document("metrics", metrics)
                                        .append("at", Date.from(p.at()))));
        run(
                "saving progress of " + id,
                () -> curves.updateOne(Filters.eq("_id", id), update, UPSERT));
        return true;
    }

    /** The study's curves, by trial and attempt. */
    public List<StoredCurve> curves(String studyId) {
        List<StoredCurve> out = new ArrayList<>();
        run(
                "reading progress of " + studyId,
                () -> {
                    for (org.bson.Document d :
                            curves.find(Filters.eq("studyId", studyId))
                                    .sort(Sorts.ascending("_id"))
                                    .limit(MAX_CURVES)) {
                        out.add(curve(d));
                    }
                    return null;
                });
        return out;
    }

    private static StoredCurve curve(org.bson.Document d) {
        List<StoredCurve.Point> points = new ArrayList<>();
        org.bson.Document byEpoch = d.get("points", org.bson.Document.class);
        if (byEpoch != null) {
            byEpoch.forEach(
                    (epoch, value) -> {
                        org.bson.Document p = (org.bson.Document) value;
                        Map<String, Double> metrics = new LinkedHashMap<>();
                        for (org.bson.Document m : p.getList("metrics", org.bson.Document.class)) {
                            metrics.put(
                                    m.getString("name"),
                                    m.get("value", Number.class).doubleValue());
                        }
                        points.add(
                                new StoredCurve.Point(
                                        Integer.parseInt(epoch),
                                        metrics,
                                        p.getDate("at").toInstant()));
                    });
        }
        points.sort(Comparator.comparingInt(StoredCurve.Point::epoch));
        return new StoredCurve(
                d.getString("trialId"), d.getInteger("attempt"), d.getInteger("epochs"), points);
    }

    private static <T> T run(String what, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (MongoException e) {
            throw AggregatorException.storeFailed(what, e);
        }
    }
}
