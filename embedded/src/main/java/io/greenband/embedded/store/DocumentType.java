package io.greenband.embedded.store;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** Documents as BSON: the values of a collection's data map. */
final class DocumentType extends BasicDataType<Document> {

    static final DocumentType INSTANCE = new DocumentType();

    private DocumentType() {}

    @Override
    public int getMemory(Document document) {
        return BsonCodec.memory(document);
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        BsonCodec.writeDocument(buff, document);
    }

    @Override
    public Document read(ByteBuffer buff) {
        return BsonCodec.readDocument(buff);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
