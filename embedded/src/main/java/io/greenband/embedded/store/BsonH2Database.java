package io.greenband.embedded.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * One database in the MVStore, laid out as mongo-java-server's {@code H2Database} lays it out (same
 * map names, so {@code H2Backend} finds the databases on start) but with BSON data types. It is not
 * a subclass of {@code H2Database} because that one opens its collections from its constructor,
 * before a subclass could choose the types.
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    /**
     * Prefix of the data maps, {@code databases.<db>.<collection>}; {@code H2Backend} lists
     * databases by it.
     */
    static final String DATABASES_PREFIX = "databases.";

    /** Prefix of the per-collection metadata maps (the data size, a number). */
    private static final String META_PREFIX = "meta.";

    private final MVStore store;

    BsonH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(
            String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        return new H2Collection(
                this,
                collectionName,
                options,
                dataMap(fullName),
                metaMap(fullName),
                cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new BsonUniqueIndex(
                indexMap(indexMapName(collectionName, indexName)), indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        remove(indexMapName(collection.getCollectionName(), indexName));
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(databaseName + ".")
                    || name.startsWith(DATABASES_PREFIX + databaseName + ".")
                    || name.startsWith(META_PREFIX + databaseName + ".")) {
                remove(name);
            }
        }
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String fullName = getFullCollectionNamespace(collectionName);
        remove(DATABASES_PREFIX + fullName);
        remove(META_PREFIX + fullName);
    }

    @Override
    public void moveCollection(
            MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String oldName = collection.getFullName();
        String newName = getFullCollectionNamespace(newCollectionName);
        store.renameMap(dataMap(oldName), DATABASES_PREFIX + newName);
        store.renameMap(metaMap(oldName), META_PREFIX + newName);
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> fileStore = store.getFileStore();
        return fileStore == null ? 0 : fileStore.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    private MVMap<Object, Document> dataMap(String fullName) {
        return store.openMap(
                DATABASES_PREFIX + fullName,
                new MVMap.Builder<Object, Document>()
                        .keyType(ValueType.INSTANCE)
                        .valueType(DocumentType.INSTANCE));
    }

    private MVMap<String, Object> metaMap(String fullName) {
        // Holds one number per collection: H2's default type stores numbers and strings without
        // Java serialization.
        return store.openMap(META_PREFIX + fullName);
    }

    private MVMap<KeyValue, Object> indexMap(String name) {
        return store.openMap(
                name,
                new MVMap.Builder<KeyValue, Object>()
                        .keyType(KeyValueType.INSTANCE)
                        .valueType(ValueType.INSTANCE));
    }

    /**
     * Removes a map, opening it with its own types first: opening it with H2's defaults would
     * misread its pages.
     */
    private void remove(String name) {
        if (!store.hasMap(name)) {
            return;
        }
        MVMap<?, ?> map =
                name.startsWith(DATABASES_PREFIX)
                        ? dataMap(name.substring(DATABASES_PREFIX.length()))
                        : name.startsWith(META_PREFIX)
                                ? metaMap(name.substring(META_PREFIX.length()))
                                : indexMap(name);
        store.removeMap(map);
    }

    private String indexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }
}
