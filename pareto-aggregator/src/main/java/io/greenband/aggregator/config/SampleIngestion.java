package io.greenband.aggregator.config;

import com.mongodb.client.MongoDatabase;
import io.greenband.aggregator.adapter.messaging.PowerBounds;
import io.greenband.aggregator.adapter.messaging.RecordIntake;
import io.greenband.aggregator.adapter.messaging.SampleBatches;
import io.greenband.aggregator.adapter.messaging.SampleIds;
import io.greenband.aggregator.adapter.persistence.MongoAggregatorStore;
import io.greenband.aggregator.driver.SampleIngest;
import io.greenband.aggregator.driver.ScoreStore;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.events.payload.GreenbandEvent;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The aggregator's sample path as plain parts, built as the service builds them, for a program that
 * runs the path outside the service (the ingest benchmark): the MongoDB store the engine writes to
 * and the energy-sample consumer's flow over Kafka records. Only driver types and the clients' own
 * types cross it; the adapters behind it stay the aggregator's.
 */
public final class SampleIngestion {

    private SampleIngestion() {}

    /**
     * The service's store of results, trial energy and samples on {@code database}, its indexes
     * made.
     */
    public static ScoreStore store(MongoDatabase database) {
        return mongoStore(database);
    }

    /** The number of energy samples stored in {@code database}. */
    public static long storedSamples(MongoDatabase database) {
        return new MongoAggregatorStore(database).sampleCount();
    }

    /**
     * The energy-sample consumer's flow into {@code engine}, under the default power bounds:
     * records read by the consumer's fast path, else by {@code decode} (empty once it has
     * dead-lettered a record), refused ones handed to {@code deadLetter}.
     */
    public static SampleIngest<ConsumerRecord<String, byte[]>> kafkaFlow(
            ScoringEngine engine,
            Function<ConsumerRecord<String, byte[]>, Optional<GreenbandEvent>> decode,
            BiConsumer<ConsumerRecord<String, byte[]>, Throwable> deadLetter) {
        Objects.requireNonNull(decode, "decode");
        Objects.requireNonNull(deadLetter, "deadLetter");
        RecordIntake intake =
                new RecordIntake() {
                    @Override
                    public Optional<GreenbandEvent> decode(ConsumerRecord<String, byte[]> record) {
                        return decode.apply(record);
                    }

                    @Override
                    public void deadLetter(ConsumerRecord<String, byte[]> record, Throwable error) {
                        deadLetter.accept(record, error);
                    }
                };
        return SampleBatches.flow(intake, engine, PowerBounds.DEFAULTS, new SampleIds());
    }

    /** The store as the service's wiring makes it. */
    static MongoAggregatorStore mongoStore(MongoDatabase database) {
        MongoAggregatorStore store = new MongoAggregatorStore(database);
        store.ensureIndexes();
        return store;
    }
}
