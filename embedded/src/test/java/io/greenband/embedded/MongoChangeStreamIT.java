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

/** The store runs with its oplog on, so change streams (used by live views) see writes. */
@EmbeddedStackTest
class MongoChangeStreamIT {

    @Test
    void aChangeStreamSeesAnInsert(EmbeddedStack stack) {
        try (MongoClient client = MongoClients.create(stack.mongoConnectionString())) {
            MongoCollection<Document> trials = client.getDatabase("change-stream-it").getCollection("trials");
            try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = trials.watch().cursor()) {
                trials.insertOne(new Document("_id", "dsnn-demo-t0001").append("status", "SUCCEEDED"));
                ChangeStreamDocument<Document> change = cursor.next();
                assertThat(change.getOperationTypeString()).isEqualTo("insert");
                assertThat(change.getFullDocument()).containsEntry("status", "SUCCEEDED");
            }
        }
    }
}
