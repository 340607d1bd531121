package io.greenband.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.junit.jupiter.api.Test;

/**
 * The H2 data types on their own: what goes in comes out, several values back to back, in the
 * server's order.
 */
class BsonCodecTest {

    private static <T> List<T> roundTrip(DataType<T> type, List<T> values) {
        WriteBuffer out = new WriteBuffer();
        for (T v : values) {
            type.write(out, v);
        }
        ByteBuffer in = out.getBuffer();
        in.flip();
        List<T> read = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            read.add(type.read(in));
        }
        assertThat(in.remaining()).as("every byte written is read back").isZero();
        return read;
    }

    /** Values of every type the server keeps, in the server's sort order. */
    private static List<Object> serverValues() {
        return Arrays.asList(
                MinKey.getInstance(),
                null,
                -3.5,
                1,
                2L,
                2.5,
                9_007_199_254_740_993L,
                "",
                "a",
                "b",
                new Document("a", 1),
                new Document("a", 1).append("b", "x"),
                List.of(1, 2),
                new BinData(new byte[] {1, 2, 3}),
                UUID.fromString("5f1c6e2a-0d3b-4b8e-9a51-2c7d9e0f1a2b"),
                new ObjectId("65a1b2c3d4e5f60718293a4b"),
                false,
                true,
                Instant.ofEpochMilli(1_763_884_810_123L),
                new BsonTimestamp(7L << 32 | 1),
                MaxKey.getInstance());
    }

    @Test
    void valuesRoundTripBackToBack() {
        List<Object> values = new ArrayList<>(serverValues());
        values.add(Missing.getInstance());
        values.add(new Decimal128(1L, 2L));
        assertThat(roundTrip(ValueType.INSTANCE, values)).isEqualTo(values);
    }

    @Test
    void documentsRoundTripWithNestingArraysAndNulls() {
        Document bucket =
                new Document("_id", "host-1|GPU-0|gpu|60")
                        .append("count", 2)
                        .append("sampleId", List.of("n/GPU/g/0", "n/GPU/g/1"))
                        .append(
                                "windowStart",
                                List.of(Instant.ofEpochSecond(60), Instant.ofEpochSecond(61)))
                        .append("joules", List.of(250.0, 251.5))
                        .append("utilizationPercent", Arrays.asList(87.0, null))
                        .append(
                                "processes",
                                List.of(List.of(new Document("pid", 4242L)), List.of()));
        Document empty = new Document();
        assertThat(roundTrip(DocumentType.INSTANCE, List.of(bucket, empty, bucket)))
                .containsExactly(bucket, empty, bucket);
    }

    @Test
    void keysRoundTripAndSortInTheServersValueOrder() {
        List<KeyValue> keys = new ArrayList<>();
        for (Object v : serverValues()) {
            keys.add(new KeyValue(v, "second"));
        }
        assertThat(roundTrip(KeyValueType.INSTANCE, keys)).isEqualTo(keys);

        List<KeyValue> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new Random(42));
        shuffled.sort(KeyValueType.INSTANCE);
        assertThat(shuffled).isEqualTo(keys);
        // The order the server's indexes use: whole arrays compare as values, not by their least
        // element.
        for (int i = 1; i < keys.size(); i++) {
            assertThat(
                            ValueComparator.ascWithoutListHandling()
                                    .compare(keys.get(i - 1).get(0), keys.get(i).get(0)))
                    .as("%s before %s", keys.get(i - 1), keys.get(i))
                    .isNegative();
        }
    }

    @Test
    void theFirstDifferingFieldDecidesAndShorterKeysComeFirst() {
        KeyValueType type = KeyValueType.INSTANCE;
        assertThat(type.compare(new KeyValue("s", 1.0), new KeyValue("s", 2.0))).isNegative();
        assertThat(type.compare(new KeyValue("t", 1.0), new KeyValue("s", 2.0))).isPositive();
        assertThat(type.compare(new KeyValue("s"), new KeyValue("s", 2.0))).isNegative();
        assertThat(type.compare(new KeyValue("s", 2.0), new KeyValue("s", 2.0))).isZero();
    }

    @Test
    void valuesTheServerRanksEqualButThatDifferStayDistinctKeys() {
        // An int and a long of the same value are distinct ids; so are documents whose arrays tie
        // on their least element.
        assertThat(ValueType.INSTANCE.compare(1, 1L)).isNotZero();
        assertThat(ValueType.INSTANCE.compare(1, 1L)).isEqualTo(-ValueType.INSTANCE.compare(1L, 1));
        Document a = new Document("x", List.of(1, 2));
        Document b = new Document("x", List.of(1, 3));
        assertThat(KeyValueType.INSTANCE.compare(new KeyValue(a), new KeyValue(b))).isNotZero();
        assertThat(
                        KeyValueType.INSTANCE.compare(
                                new KeyValue(a), new KeyValue(new Document("x", List.of(1, 2)))))
                .isZero();
    }
}
