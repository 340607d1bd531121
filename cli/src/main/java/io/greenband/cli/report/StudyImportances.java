package io.greenband.cli.report;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.greenband.cli.CliException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * A study's parameter importances read from the {@code parameter_importances} view the suggester
 * writes (one document per study, replaced after each refit of its forest), in the aggregator's
 * {@code /importances} shape so the dashboard's {@code charts.js} draws them. Untrusted like any
 * stored view: at most {@link #MAX_SHARES} shares, names and the method cut to {@link #MAX_TEXT}
 * characters, only finite values, clamped to [0, 1].
 */
public final class StudyImportances {

    /** Collection the suggester writes. */
    static final String COLLECTION = "parameter_importances";

    /** Most shares kept (the aggregator serves as many). */
    static final int MAX_SHARES = 200;

    /** Longest name or method kept. */
    static final int MAX_TEXT = 200;

    private StudyImportances() {}

    /**
     * The study's importances from the database at {@code connection}; empty when the suggester
     * wrote none.
     */
    public static Optional<Map<String, Object>> read(
            String connection, String database, String studyId) {
        MongoClientSettings settings =
                MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString(connection))
                        // A stopped or missing store must not hold the report up for the driver's
                        // default 30 s.
                        .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                        .build();
        try (MongoClient client = MongoClients.create(settings)) {
            return read(client.getDatabase(database), studyId);
        } catch (MongoException e) {
            throw CliException.stack(
                    "cannot read parameter importances from MongoDB at "
                            + connection
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * The study's importances from an open database; empty when the suggester wrote none (e.g.
     * random search).
     */
    public static Optional<Map<String, Object>> read(MongoDatabase db, String studyId) {
        Document d = db.getCollection(COLLECTION).find(Filters.eq("_id", studyId)).first();
        return d == null ? Optional.empty() : decode(studyId, d);
    }

    static Optional<Map<String, Object>> decode(String studyId, Document d) {
        List<Map<String, Object>> shares = new ArrayList<>();
        Object raw = d.get("importances");
        List<?> list = raw instanceof List<?> l ? l : List.of();
        for (Object o : list.subList(0, Math.min(MAX_SHARES, list.size()))) {
            if (o instanceof Document s
                    && s.get("name") instanceof String name
                    && s.get("importance") instanceof Number v
                    && Double.isFinite(v.doubleValue())) {
                Map<String, Object> share = new LinkedHashMap<>();
                share.put("name", cut(name));
                share.put("importance", Math.max(0, Math.min(1, v.doubleValue())));
                shares.add(share);
            }
        }
        if (shares.isEmpty()) {
            return Optional.empty();
        }
        shares.sort(
                Comparator.comparingDouble((Map<String, Object> s) -> (Double) s.get("importance"))
                        .reversed());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("studyId", studyId);
        m.put("method", d.get("method") instanceof String method ? cut(method) : "");
        m.put(
                "trainingRows",
                d.get("trainingRows") instanceof Number rows ? Math.max(0, rows.intValue()) : 0);
        m.put(
                "computedAt",
                d.get("computedAt") instanceof java.util.Date at
                        ? at.toInstant().toString()
                        : null);
        m.put("importances", shares);
        return Optional.of(m);
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }
}
