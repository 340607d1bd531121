package io.greenband.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import io.greenband.embedded.store.BsonH2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suggester's {@code parameter_importances} document read through the real MongoDB driver from
 * the embedded store's wire-protocol server: bounded and validated, and absent for a study without
 * one.
 */
class StudyImportancesTest {

    @Test
    void readsTheStudysDocumentBoundedAndNothingForAnother(@TempDir Path dir) {
        MongoServer server = new MongoServer(BsonH2Backend.open(dir.resolve("views.mv")));
        InetSocketAddress at = server.bind();
        try {
            check("mongodb://" + at.getHostString() + ":" + at.getPort());
        } finally {
            server.shutdownNow();
        }
    }

    private static void check(String uri) {
        try (var client = com.mongodb.client.MongoClients.create(uri)) {
            List<Document> shares = new ArrayList<>();
            shares.add(new Document("name", "x".repeat(500)).append("importance", 1.7));
            shares.add(new Document("name", "nan").append("importance", Double.NaN));
            shares.add(new Document("name", 7).append("importance", 0.2));
            for (int i = 0; i < 300; i++) {
                shares.add(new Document("name", "p" + i).append("importance", 0.001 * (i % 10)));
            }
            client.getDatabase("greenband")
                    .getCollection(StudyImportances.COLLECTION)
                    .insertOne(
                            new Document("_id", "s1")
                                    .append("method", "permutation importance")
                                    .append("trainingRows", 12)
                                    .append("computedAt", new Date(0))
                                    .append("importances", shares));
        }
        Map<String, Object> view = StudyImportances.read(uri, "greenband", "s1").orElseThrow();
        assertThat(view)
                .containsEntry("studyId", "s1")
                .containsEntry("method", "permutation importance")
                .containsEntry("trainingRows", 12)
                .containsEntry("computedAt", "1970-01-01T00:00:00Z");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> kept = (List<Map<String, Object>>) view.get("importances");
        // 200 entries read, of which the NaN one and the one without a text name are dropped
        assertThat(kept).hasSize(StudyImportances.MAX_SHARES - 2);
        assertThat(kept.get(0))
                .containsEntry("name", "x".repeat(StudyImportances.MAX_TEXT))
                .containsEntry("importance", 1.0);
        assertThat(kept).extracting(s -> s.get("name")).doesNotContain("nan", "p198");
        assertThat(StudyImportances.read(uri, "greenband", "random-search-study")).isEmpty();
    }
}
