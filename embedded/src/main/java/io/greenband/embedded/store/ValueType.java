package io.greenband.embedded.store;

import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Single BSON values (ids and positions): the keys of a collection's data map and the values of its
 * unique indexes, ordered as the server orders values.
 */
final class ValueType extends BasicDataType<Object> {

    static final ValueType INSTANCE = new ValueType();

    private ValueType() {}

    @Override
    public int compare(Object a, Object b) {
        return BsonCodec.compare(a, b);
    }

    @Override
    public int getMemory(Object value) {
        return BsonCodec.memory(value);
    }

    @Override
    public void write(WriteBuffer buff, Object value) {
        BsonCodec.writeValue(buff, value);
    }

    @Override
    public Object read(ByteBuffer buff) {
        return BsonCodec.readValue(buff);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
