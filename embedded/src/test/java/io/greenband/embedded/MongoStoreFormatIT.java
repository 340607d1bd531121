package io.greenband.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.greenband.embedded.store.BsonH2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's on-disk format through the real driver: every BSON type greenband stores survives a
 * restart as it was written, unique indexes still refuse duplicates with code 11000 before and
 * after a restart, and a store file of another format is refused with a message naming the file and
 * the fix instead of being misread.
 */
class MongoStoreFormatIT {

    private static final int DUPLICATE_KEY = 11_000;

    @TempDir Path dir;

    private Path storeFile() {
        return dir.resolve("mongo").resolve("greenband.mv");
    }

    private void withCollection(Consumer<MongoCollection<Document>> use) throws IOException {
        // The stack's data directory creates this folder; the store alone expects it.
        Files.createDirectories(storeFile().getParent());
        try (MongoStore store = MongoStore.start(storeFile(), 0, false);
                MongoClient client = MongoClients.create(store.connectionString())) {
            use.accept(client.getDatabase("greenband").getCollection("things"));
        }
    }

    /**
     * A document with every type the views hold: the bucket and trial documents use all of these.
     */
    private static Document everyType() {
        return new Document("_id", "host-1|GPU-0|gpu|1763884800")
                .append("text", "dsnn-demo ünïcödé ✓")
                .append("empty", "")
                .append("int", 42)
                .append("negativeInt", -7)
                .append("long", 9_007_199_254_740_993L)
                .append("double", 0.1)
                .append("wholeDouble", 250.0)
                .append("date", new Date(1_763_884_810_123L))
                .append(
                        "nested",
                        new Document(
                                "energy",
                                new Document("gpuJoules", 310.5)
                                        .append("trials", List.of("t1", "t2"))))
                .append("numbers", List.of(1.5, 2.5, 3.0))
                .append("mixed", Arrays.asList("x", 2, 3L, 4.5, null, true, new Date(0)))
                .append(
                        "documents",
                        List.of(
                                new Document("pid", 4242L).append("utilizationPercent", 87.0),
                                new Document()))
                .append("arrays", List.of(List.of(1, 2), List.of()))
                .append("nothing", null)
                .append("yes", true)
                .append("no", false)
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"));
    }

    @Test
    void everyStoredTypeSurvivesARestartUnchanged() throws IOException {
        Document written = everyType();
        List<Object> generatedId = new ArrayList<>();
        withCollection(
                c -> {
                    c.insertOne(written);
                    Document noId = new Document("name", "generated id");
                    c.insertOne(noId);
                    generatedId.add(noId.get("_id"));
                });
        withCollection(
                c -> {
                    Document read = c.find(Filters.eq("_id", written.get("_id"))).first();
                    assertThat(read).isEqualTo(written);
                    assertThat(read.get("int")).isInstanceOf(Integer.class);
                    assertThat(read.get("long")).isInstanceOf(Long.class);
                    assertThat(read.get("wholeDouble")).isInstanceOf(Double.class);
                    assertThat(generatedId.get(0)).isInstanceOf(ObjectId.class);
                    assertThat(c.find(Filters.eq("_id", generatedId.get(0))).first())
                            .containsEntry("name", "generated id");
                    // Queries on the reopened values compare them as the server does.
                    assertThat(c.countDocuments(Filters.gt("date", new Date(1_763_884_810_000L))))
                            .isEqualTo(1);
                    assertThat(c.countDocuments(Filters.eq("nested.energy.gpuJoules", 310.5)))
                            .isEqualTo(1);
                    assertThat(
                                    c.countDocuments(
                                            Filters.eq(
                                                    "objectId",
                                                    new ObjectId("65a1b2c3d4e5f60718293a4b"))))
                            .isEqualTo(1);
                });
    }

    @Test
    void uniqueIndexesRefuseDuplicatesWith11000BeforeAndAfterARestart() throws IOException {
        withCollection(
                c -> {
                    c.createIndex(
                            Indexes.ascending("studyId", "fidelity"),
                            new IndexOptions().unique(true));
                    c.insertOne(
                            new Document("_id", "t1").append("studyId", "s").append("fidelity", 1));
                    c.insertOne(
                            new Document("_id", "t2")
                                    .append("studyId", "s")
                                    .append("fidelity", 2L));
                    assertDuplicate(c, new Document("_id", "t1").append("studyId", "other"));
                    // 1 and 1.0 are the same key to MongoDB: the index compares values, not their
                    // encodings.
                    assertDuplicate(
                            c,
                            new Document("_id", "t3")
                                    .append("studyId", "s")
                                    .append("fidelity", 1.0));
                });
        withCollection(
                c -> {
                    assertDuplicate(c, new Document("_id", "t1").append("studyId", "other"));
                    assertDuplicate(
                            c,
                            new Document("_id", "t3").append("studyId", "s").append("fidelity", 2));
                    assertThat(c.find(Filters.eq("_id", "t2")).first())
                            .containsEntry("fidelity", 2L);
                    // A replace moves the document's key: the old key is free again, the new one is
                    // taken.
                    c.replaceOne(
                            Filters.eq("_id", "t1"),
                            new Document("studyId", "s").append("fidelity", 3),
                            new ReplaceOptions().upsert(true));
                    c.insertOne(
                            new Document("_id", "t4").append("studyId", "s").append("fidelity", 1));
                    assertDuplicate(
                            c,
                            new Document("_id", "t5").append("studyId", "s").append("fidelity", 3));
                    assertThat(c.countDocuments()).isEqualTo(3);
                });
    }

    private static void assertDuplicate(MongoCollection<Document> c, Document d) {
        assertThatThrownBy(() -> c.insertOne(d))
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        e -> assertThat(e.getCode()).isEqualTo(DUPLICATE_KEY));
    }

    @Test
    void aStoreInTheOlderJavaSerializedFormatIsRefusedWithTheFix() throws Exception {
        Files.createDirectories(storeFile().getParent());
        // Written by mongo-java-server's stock H2 backend, as earlier versions of the stack did.
        MongoServer old = new MongoServer(new H2Backend(storeFile().toString()));
        old.bind(Ports.LOOPBACK, 0);
        try (MongoClient client =
                MongoClients.create(
                        "mongodb://" + Ports.LOOPBACK + ":" + old.getLocalAddress().getPort())) {
            client.getDatabase("greenband")
                    .getCollection("trials")
                    .insertOne(new Document("_id", "t1"));
        } finally {
            old.shutdown();
        }
        byte[] before = Files.readAllBytes(storeFile());

        assertThatThrownBy(() -> EmbeddedStack.builder().optDataDirectory(dir).start())
                .isInstanceOfSatisfying(
                        EmbeddedStackException.class,
                        e -> assertThat(e.kind()).isEqualTo(EmbeddedStackException.Kind.MONGO))
                .hasMessageContaining(storeFile().toAbsolutePath().toString())
                .hasMessageContaining("no format marker")
                .hasMessageContaining("delete " + storeFile().toAbsolutePath())
                .hasMessageContaining(
                        "greenband replay --study ID --into-prefix PREFIX --rebuild --mongodb URI --database NAME");
        assertThat(Files.readAllBytes(storeFile()))
                .as("the refused file is left as it was")
                .isEqualTo(before);

        // The fix the message gives works: without the old file the stack starts (and the directory
        // was released).
        Files.delete(storeFile());
        try (EmbeddedStack stack = EmbeddedStack.builder().optDataDirectory(dir).start()) {
            assertThat(stack.isRunning()).isTrue();
        }
    }

    @Test
    void aStoreOfAnotherFormatIsRefusedNamingIt() throws Exception {
        Files.createDirectories(storeFile().getParent());
        MVStore other = MVStore.open(storeFile().toString());
        other.<String, Object>openMap(BsonH2Backend.FORMAT_MAP)
                .put(BsonH2Backend.FORMAT_KEY, "bson-0");
        other.close();

        assertThatThrownBy(() -> MongoStore.start(storeFile(), 0, false))
                .isInstanceOf(EmbeddedStackException.class)
                .hasMessageContaining(storeFile().toString())
                .hasMessageContaining("format 'bson-0'")
                .hasMessageContaining("reads '" + BsonH2Backend.FORMAT + "'");
    }

    @Test
    void aNewStoreIsMarkedWithTheFormat() throws IOException {
        withCollection(c -> c.insertOne(new Document("_id", 1)));
        MVStore reopened = MVStore.open(storeFile().toString());
        try {
            assertThat(
                            reopened.<String, Object>openMap(BsonH2Backend.FORMAT_MAP)
                                    .get(BsonH2Backend.FORMAT_KEY))
                    .isEqualTo(BsonH2Backend.FORMAT);
        } finally {
            reopened.close();
        }
    }
}
