package io.greenband.aggregator.adapter.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.greenband.aggregator.AggregatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/**
 * Reads the {@code parameter_importances} view the suggester writes (one document per study,
 * replaced after each refit of its forest). Untrusted like any input: at most {@link #MAX_SHARES}
 * shares, finite values in [0, 1].
 */
public final class MongoImportanceReader {

    /** Collection the suggester writes. */
    public static final String IMPORTANCES = "parameter_importances";

    /** Most shares returned. */
    public static final int MAX_SHARES = 200;

    private final MongoCollection<Document> importances;

    /** A reader on one database. */
    public MongoImportanceReader(MongoDatabase database) {
        this.importances =
                Objects.requireNonNull(database, "database must not be null")
                        .getCollection(IMPORTANCES);
    }

    /** The study's importances, if the suggester has written them. */
    public Optional<StoredImportances> importances(String studyId) {
        try {
            Document d = importances.find(Filters.eq("_id", studyId)).first();
            return Optional.ofNullable(d).map(MongoImportanceReader::decode);
        } catch (MongoException e) {
            throw AggregatorException.storeFailed("reading parameter importances of " + studyId, e);
        }
    }

    private static StoredImportances decode(Document d) {
        List<StoredImportances.Share> shares = new ArrayList<>();
        List<Document> list = d.getList("importances", Document.class, List.of());
        for (Document s : list.subList(0, Math.min(MAX_SHARES, list.size()))) {
            Number v = s.get("importance", Number.class);
            String name = s.getString("name");
            if (name != null && v != null && Double.isFinite(v.doubleValue())) {
                shares.add(
                        new StoredImportances.Share(
                                name, Math.max(0, Math.min(1, v.doubleValue()))));
            }
        }
        Number rows = d.get("trainingRows", Number.class);
        return new StoredImportances(
                d.getString("_id"),
                d.getString("method"),
                rows == null ? 0 : rows.intValue(),
                d.getDate("computedAt") == null ? null : d.getDate("computedAt").toInstant(),
                shares);
    }
}
