package io.greenband.embedded.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.h2.mvstore.WriteBuffer;

/**
 * Documents and single values in the server's own BSON encoding (its wire codec), between H2's
 * buffers and mongo-java-server's types, plus the order in which index keys and positions are kept.
 */
final class BsonCodec {

    /**
     * Tag of the server's "missing" marker, which BSON has no type for (BSON types are 0x01-0x13,
     * 0x7F, 0xFF).
     */
    static final byte MISSING = 0x20;

    /**
     * Scratch buffers grown past this are dropped after use, so one huge document does not pin its
     * memory.
     */
    private static final int SCRATCH_KEEP = 1 << 20;

    private static final ThreadLocal<ByteBuf> SCRATCH =
            ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private BsonCodec() {}

    /** Appends {@code document} as one BSON document (its first four bytes are its length). */
    static void writeDocument(WriteBuffer out, Document document) {
        ByteBuf buf = scratch();
        BsonEncoder.encodeDocument(document, buf);
        copy(buf, out);
    }

    /** Reads one BSON document at the buffer's position and moves past it. */
    static Document readDocument(ByteBuffer in) {
        int start = in.position();
        int length =
                in.order() == ByteOrder.LITTLE_ENDIAN
                        ? in.getInt(start)
                        : Integer.reverseBytes(in.getInt(start));
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(in.slice(start, length)));
        in.position(start + length);
        return document;
    }

    /** Appends one value: its BSON type byte (or {@link #MISSING}) and its BSON encoding. */
    static void writeValue(WriteBuffer out, Object value) {
        ByteBuf buf = scratch();
        encodeValue(value, buf);
        copy(buf, out);
    }

    /** Reads one value written by {@link #writeValue} and moves past it. */
    static Object readValue(ByteBuffer in) {
        ByteBuf buf = Unpooled.wrappedBuffer(in.slice());
        Object value = decodeValue(buf);
        in.position(in.position() + buf.readerIndex());
        return value;
    }

    private static void encodeValue(Object value, ByteBuf buf) {
        if (value instanceof Missing) {
            buf.writeByte(MISSING);
            return;
        }
        byte type = BsonEncoder.determineType(value);
        buf.writeByte(type);
        BsonEncoder.encodeValue(type, value, buf);
    }

    private static Object decodeValue(ByteBuf buf) {
        byte type = buf.readByte();
        return type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, buf);
    }

    /**
     * Orders two values as the server sorts them (numbers by value, then strings, documents, ...);
     * values it ranks equal that still differ (an int and a long of the same value, documents whose
     * arrays tie) are told apart by their encodings, so distinct keys never collapse into one map
     * entry.
     */
    static int compare(Object a, Object b) {
        int c = ORDER.compare(a, b);
        if (c != 0 || Objects.equals(a, b)) {
            return c;
        }
        return Arrays.compare(encoded(a), encoded(b));
    }

    private static byte[] encoded(Object value) {
        ByteBuf buf = Unpooled.buffer(64);
        encodeValue(value, buf);
        return Arrays.copyOfRange(
                buf.array(), buf.arrayOffset(), buf.arrayOffset() + buf.writerIndex());
    }

    /**
     * A rough heap size of a value, for H2's page cache: it only needs to be cheap and of the right
     * order.
     */
    static int memory(Object value) {
        if (value instanceof String s) {
            return 40 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int n = 64;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                n += 40 + memory(e.getKey()) + memory(e.getValue());
            }
            return n;
        }
        if (value instanceof Collection<?> list) {
            int n = 40;
            for (Object o : list) {
                n += 8 + memory(o);
            }
            return n;
        }
        return 24;
    }

    private static ByteBuf scratch() {
        ByteBuf buf = SCRATCH.get();
        buf.clear();
        return buf;
    }

    private static void copy(ByteBuf buf, WriteBuffer out) {
        out.put(buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes());
        if (buf.capacity() > SCRATCH_KEEP) {
            SCRATCH.remove();
        }
    }
}
