package io.greenband.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on loopback, storing its databases in one H2 MVStore file,
 * with the oplog on so that change streams work.
 */
final class MongoStore implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private MongoStore(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Opens (or creates) the store file and listens on {@code port}. */
    static MongoStore start(Path storeFile, int port) {
        H2Backend backend;
        try {
            backend = new H2Backend(storeFile.toString());
        } catch (RuntimeException e) {
            throw EmbeddedStackException.mongo("cannot open the MongoDB store " + storeFile + ": " + e.getMessage()
                    + "; is another process using this data directory?", e);
        }
        MongoServer server = new MongoServer(backend);
        server.enableOplog();
        try {
            server.bind(Ports.LOOPBACK, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw EmbeddedStackException.portInUse("MongoDB", port, "optMongoPort / --mongo-port", e);
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
            throw EmbeddedStackException.mongo("MongoDB server failed to stop cleanly: " + e.getMessage(), e);
        }
    }
}
