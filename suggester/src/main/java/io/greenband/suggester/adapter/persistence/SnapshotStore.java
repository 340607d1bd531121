package io.greenband.suggester.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.greenband.events.EventType;
import io.greenband.events.codec.EventJson;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.StudyDefined;
import io.greenband.suggester.core.study.ParameterImportances;
import io.greenband.suggester.driver.StudyRunState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Upserts one document per study ({@code _id} = studyId) holding the definition and the run state
 * as JSON text (exact doubles, no BSON mapping to keep in step with the records) and the offsets as
 * a sub-document.
 */
public final class SnapshotStore {

    /**
     * The view of parameter importances the aggregator serves to the dashboard (one document per
     * study).
     */
    public static final String IMPORTANCES = "parameter_importances";

    private final MongoCollection<Document> collection;
    private final MongoCollection<Document> importances;
    private final EventCodec codec;

    /** A store on {@code database.collection}. */
    public SnapshotStore(MongoDatabase database, String collection, EventCodec codec) {
        this.collection = database.getCollection(collection);
        this.importances = database.getCollection(IMPORTANCES);
        this.codec = codec;
    }

    /**
     * Replaces the study's parameter importances (shares largest first), read by the aggregator's
     * dashboard.
     */
    public void saveImportances(String studyId, ParameterImportances p, Instant at) {
        List<Document> shares = new ArrayList<>();
        for (int i = 0; i < p.names().size(); i++) {
            shares.add(
                    new Document("name", p.names().get(i)).append("importance", p.shares().get(i)));
        }
        shares.sort((a, b) -> Double.compare(b.getDouble("importance"), a.getDouble("importance")));
        Document doc =
                new Document("_id", studyId)
                        .append("method", ParameterImportances.METHOD)
                        .append("trainingRows", p.trainingRows())
                        .append("computedAt", java.util.Date.from(at))
                        .append("importances", shares);
        importances.replaceOne(Filters.eq("_id", studyId), doc, new ReplaceOptions().upsert(true));
    }

    /** Replaces the study's snapshot. */
    public void save(StoredSnapshot snapshot, Instant savedAt) {
        String studyId = snapshot.definition().studyId();
        // A list, not a sub-document: topic names may contain dots.
        List<Document> offsets = new ArrayList<>();
        snapshot.offsets()
                .forEach((k, v) -> offsets.add(new Document("partition", k).append("next", v)));
        Document doc =
                new Document("_id", studyId)
                        .append("fingerprint", snapshot.definition().fingerprint())
                        .append(
                                "definition",
                                new String(
                                        codec.toJson(snapshot.definition()),
                                        StandardCharsets.UTF_8))
                        .append("state", write(snapshot.state(), studyId))
                        .append("offsets", offsets)
                        .append("seq", snapshot.state().seq())
                        .append("savedAt", savedAt.toString());
        collection.replaceOne(Filters.eq("_id", studyId), doc, new ReplaceOptions().upsert(true));
    }

    /** Every stored snapshot. */
    public List<StoredSnapshot> loadAll() {
        List<StoredSnapshot> all = new ArrayList<>();
        for (Document doc : collection.find()) {
            String studyId = doc.getString("_id");
            StudyDefined definition =
                    (StudyDefined)
                            codec.decodePayload(
                                    EventType.STUDY_DEFINED,
                                    doc.getString("definition").getBytes(StandardCharsets.UTF_8));
            StudyRunState state;
            try {
                state = EventJson.mapper().readValue(doc.getString("state"), StudyRunState.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(
                        "snapshot of study "
                                + studyId
                                + " does not read back: "
                                + e.getOriginalMessage()
                                + "; delete the document to replay the study from the log",
                        e);
            }
            Map<String, Long> offsets = new LinkedHashMap<>();
            for (Document o : doc.getList("offsets", Document.class)) {
                offsets.put(o.getString("partition"), ((Number) o.get("next")).longValue());
            }
            all.add(new StoredSnapshot(definition, state, offsets));
        }
        return all;
    }

    private static String write(StudyRunState state, String studyId) {
        try {
            return EventJson.mapper().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "snapshot of study "
                            + studyId
                            + " does not serialize: "
                            + e.getOriginalMessage(),
                    e);
        }
    }
}
