package io.greenband.embedded.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with documents, index keys and ids stored as BSON (the server's
 * own wire encoding) rather than through Java serialization, and unique-index keys compared in the
 * server's value order rather than by serializing both sides of every comparison. The store file
 * carries a format marker ({@value #FORMAT_MAP} holding {@value #FORMAT_KEY} = {@value #FORMAT});
 * {@link #open} refuses a file with data but another or no marker.
 */
public final class BsonH2Backend extends H2Backend {

    /**
     * Name of the map holding the format marker (no dot, so no database's maps can ever share its
     * prefix).
     */
    public static final String FORMAT_MAP = "greenband-store-format";

    /** Key of the marker in {@link #FORMAT_MAP}. */
    public static final String FORMAT_KEY = "documents";

    /** The format this backend writes and reads. */
    public static final String FORMAT = "bson-1";

    /**
     * H2's page cache in megabytes: an eighth of the heap, between H2's default of 16 and 128. A
     * page read from the file is decoded document by document, so a cache that holds the recent
     * pages (energy-sample buckets are rewritten for a few minutes) saves decoding whole pages
     * again on every upsert.
     */
    static int cacheMegabytes() {
        long eighth = Runtime.getRuntime().maxMemory() / 8 / (1 << 20);
        return (int) Math.max(16, Math.min(128, eighth));
    }

    private BsonH2Backend(MVStore store) {
        super(store);
    }

    /**
     * Opens (or creates) the store file and checks its format marker; a new file gets the marker.
     *
     * @throws StoreFormatException when the file holds data without this format's marker (the file
     *     is closed again)
     * @throws RuntimeException from H2 when the file cannot be opened (locked, unreadable)
     */
    public static BsonH2Backend open(Path file) {
        Objects.requireNonNull(file, "file");
        // An 8 MB write buffer (H2's default is 1 MB) lets a bucket rewritten several times within
        // the commit delay be
        // written out once; the background commit still runs every second.
        MVStore store =
                new MVStore.Builder()
                        .fileName(file.toString())
                        .cacheSize(cacheMegabytes())
                        .autoCommitBufferSize(8 * 1024)
                        .open();
        try {
            checkFormat(store, file);
            return new BsonH2Backend(store);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    private static void checkFormat(MVStore store, Path file) {
        Set<String> maps = store.getMapNames();
        if (maps.contains(FORMAT_MAP)) {
            Object found = store.<String, Object>openMap(FORMAT_MAP).get(FORMAT_KEY);
            if (!FORMAT.equals(found)) {
                throw new StoreFormatException(file, String.valueOf(found));
            }
        } else if (!maps.isEmpty()) {
            throw new StoreFormatException(file, null);
        } else {
            MVMap<String, Object> marker = store.openMap(FORMAT_MAP);
            marker.put(FORMAT_KEY, FORMAT);
            store.commit();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // Runs from H2Backend's constructor too (for the databases already in the file): use
        // nothing of this class's.
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
