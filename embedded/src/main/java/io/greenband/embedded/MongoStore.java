package io.greenband.embedded;

import de.bwaldvogel.mongo.MongoServer;
import io.greenband.embedded.store.BsonH2Backend;
import io.greenband.embedded.store.StoreFormatException;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on loopback, storing its databases as BSON in
 * one H2 MVStore file ({@link BsonH2Backend}); with change streams on, it also keeps an oplog.
 */
final class MongoStore implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private MongoStore(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Opens (or creates) the store file and listens on {@code port}; {@code changeStreams} turns
     * the oplog on.
     */
    static MongoStore start(Path storeFile, int port, boolean changeStreams) {
        BsonH2Backend backend;
        try {
            backend = BsonH2Backend.open(storeFile);
        } catch (StoreFormatException e) {
            throw EmbeddedStackException.mongo(
                    e.getMessage()
                            + ". The store holds views only: delete "
                            + storeFile
                            + " and start again (the Kafka log beside it is kept); `greenband replay --study ID --into-prefix"
                            + " PREFIX --rebuild --mongodb URI --database NAME` rebuilds a study's views from that log into an"
                            + " empty database",
                    e);
        } catch (RuntimeException e) {
            throw EmbeddedStackException.mongo(
                    "cannot open the MongoDB store "
                            + storeFile
                            + ": "
                            + e.getMessage()
                            + "; is another process using this data directory?",
                    e);
        }
        MongoServer server = new MongoServer(backend);
        if (changeStreams) {
            server.enableOplog();
        }
        try {
            server.bind(Ports.LOOPBACK, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw EmbeddedStackException.portInUse(
                    "MongoDB", port, "optMongoPort / --mongo-port", e);
        }
        return new MongoStore(server, server.getLocalAddress().getPort());
    }

    /** {@code mongodb://127.0.0.1:<port>}. */
    String connectionString() {
        return "mongodb://" + Ports.LOOPBACK + ":" + port;
    }

    /** The port it listens on. */
    int port() {
        return port;
    }

    /** Stops listening, closes open cursors and closes the store file (writing what is pending). */
    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (RuntimeException e) {
            throw EmbeddedStackException.mongo(
                    "MongoDB server failed to stop cleanly: " + e.getMessage(), e);
        }
    }
}
