package io.greenband.aggregator.adapter.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.greenband.aggregator.AggregatorException;
import io.greenband.aggregator.driver.StoredRun;
import io.greenband.aggregator.driver.StoredStudy;
import io.greenband.aggregator.driver.StudyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The study catalogue ({@code studies}) and the trial runs with their configurations ({@code
 * trial_runs}), upserted by id like the other views.
 */
public final class MongoStudyStore implements StudyStore {

    /** Study definitions and their stop state. */
    public static final String STUDIES = "studies";

    /** Trial attempts as started: host, devices, configuration. */
    public static final String RUNS = "trial_runs";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> studies;
    private final MongoCollection<Document> runs;

    /** A store on one database. */
    public MongoStudyStore(MongoDatabase database) {
        this.studies = database.getCollection(STUDIES);
        this.runs = database.getCollection(RUNS);
    }

    /** Creates the query indexes (idempotent). */
    public void ensureIndexes() {
        run(
                "creating indexes",
                () ->
                        runs.createIndex(
                                Indexes.ascending("studyId"), new IndexOptions().name("study")));
    }

    /** Upserts a study, keeping its stop state if it had one. */
    public void saveStudy(StoredStudy s) {
        Document doc =
                new Document("_id", s.studyId())
                        .append("name", s.name())
                        .append("objectives", s.objectives())
                        .append("directions", s.directions())
                        .append("units", s.units())
                        .append("fingerprint", s.fingerprint())
                        .append("maxFidelity", s.maxFidelity())
                        .append("definedAt", Date.from(s.definedAt()));
        Optional<StoredStudy> old = study(s.studyId());
        doc.append("stoppedAt", old.flatMap(StoredStudy::stoppedAt).map(Date::from).orElse(null))
                .append("stopReason", old.map(StoredStudy::stopReason).orElse(""));
        run(
                "saving study " + s.studyId(),
                () -> studies.replaceOne(Filters.eq("_id", s.studyId()), doc, UPSERT));
    }

    /** Marks a study stopped. */
    public void markStopped(String studyId, Instant at, String reason) {
        run(
                "stopping study " + studyId,
                () ->
                        studies.updateOne(
                                Filters.eq("_id", studyId),
                                Updates.combine(
                                        Updates.set("stoppedAt", Date.from(at)),
                                        Updates.set("stopReason", reason))));
    }

    /** Every study, in order of definition. */
    public List<StoredStudy> studies() {
        List<StoredStudy> out = new ArrayList<>();
        run(
                "reading studies",
                () ->
                        studies.find()
                                .sort(Sorts.ascending("definedAt", "_id"))
                                .map(MongoStudyStore::study)
                                .into(out));
        return out;
    }

    /** One study. */
    public Optional<StoredStudy> study(String studyId) {
        return Optional.ofNullable(
                run(
                        "reading study " + studyId,
                        () ->
                                studies.find(Filters.eq("_id", studyId))
                                        .map(MongoStudyStore::study)
                                        .first()));
    }

    /** Upserts a trial run. */
    public void saveRun(StoredRun r) {
        String id = r.studyId() + "/" + r.trialId() + "#" + r.attempt();
        Document doc =
                new Document("_id", id)
                        .append("studyId", r.studyId())
                        .append("trialId", r.trialId())
                        .append("attempt", r.attempt())
                        .append("fidelity", r.fidelity())
                        .append("host", r.host())
                        .append("devices", r.devices())
                        .append("config", new Document(new LinkedHashMap<>(r.config())))
                        .append("startedAt", Date.from(r.startedAt()))
                        .append("pids", r.pids());
        run("saving run " + id, () -> runs.replaceOne(Filters.eq("_id", id), doc, UPSERT));
    }

    /** A study's runs by {@code trialId#attempt}. */
    public Map<String, StoredRun> runs(String studyId) {
        Map<String, StoredRun> out = new LinkedHashMap<>();
        run(
                "reading runs of " + studyId,
                () -> {
                    for (Document d :
                            runs.find(Filters.eq("studyId", studyId))
                                    .sort(Sorts.ascending("_id"))) {
                        StoredRun r =
                                new StoredRun(
                                        d.getString("studyId"),
                                        d.getString("trialId"),
                                        d.getInteger("attempt"),
                                        d.get("fidelity", Number.class).doubleValue(),
                                        d.getString("host"),
                                        d.getList("devices", String.class),
                                        d.get("config", Document.class),
                                        d.getDate("startedAt").toInstant(),
                                        // Runs saved before pids were kept have none.
                                        d.getList("pids", Number.class, List.of()).stream()
                                                .map(Number::longValue)
                                                .toList());
                        out.put(r.trialId() + "#" + r.attempt(), r);
                    }
                    return null;
                });
        return out;
    }

    private static StoredStudy study(Document d) {
        return new StoredStudy(
                d.getString("_id"),
                d.getString("name"),
                d.getList("objectives", String.class),
                d.getList("directions", String.class),
                d.getString("fingerprint"),
                d.get("maxFidelity", Number.class).doubleValue(),
                d.getDate("definedAt").toInstant(),
                Optional.ofNullable(d.getDate("stoppedAt")).map(Date::toInstant),
                d.getString("stopReason"),
                d.getList("units", String.class));
    }

    private static <T> T run(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (MongoException e) {
            throw AggregatorException.storeFailed(what, e);
        }
    }
}
