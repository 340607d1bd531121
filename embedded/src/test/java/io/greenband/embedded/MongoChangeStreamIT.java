package io.greenband.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.greenband.embedded.junit.EmbeddedStackTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Change streams are opt-in: with {@code optChangeStreams(true)} the store keeps its oplog and they
 * see writes.
 */
@EmbeddedStackTest
class MongoChangeStreamIT {

    @Test
    void withChangeStreamsOnAChangeStreamSeesAnInsert() {
        try (EmbeddedStack stack = EmbeddedStack.builder().optChangeStreams(true).start();
                MongoClient client = MongoClients.create(stack.mongoConnectionString())) {
            MongoCollection<Document> trials =
                    client.getDatabase("change-stream-it").getCollection("trials");
            try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor =
                    trials.watch().cursor()) {
                trials.insertOne(
                        new Document("_id", "dsnn-demo-t0001").append("status", "SUCCEEDED"));
                ChangeStreamDocument<Document> change = cursor.next();
                assertThat(change.getOperationTypeString()).isEqualTo("insert");
                assertThat(change.getFullDocument()).containsEntry("status", "SUCCEEDED");
            }
        }
    }

    @Test
    void byDefaultNoOplogIsKept(EmbeddedStack shared) {
        assertThat(shared.settings().changeStreams()).isFalse();
        try (MongoClient client = MongoClients.create(shared.mongoConnectionString())) {
            MongoCollection<Document> trials =
                    client.getDatabase("change-stream-off-it").getCollection("trials");
            trials.insertOne(new Document("_id", "dsnn-demo-t0001").append("status", "SUCCEEDED"));
            assertThat(trials.countDocuments()).isEqualTo(1);
            // Nothing is written twice: the server's oplog collection is never created.
            assertThat(client.getDatabase("local").listCollectionNames())
                    .doesNotContain("oplog.rs");
        }
    }
}
