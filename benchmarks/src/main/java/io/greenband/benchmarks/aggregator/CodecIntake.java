package io.greenband.benchmarks.aggregator;

import io.greenband.aggregator.adapter.messaging.RecordIntake;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The benchmark's stand-in for the service's intake: full codec decoding; a bad record stops the run. */
final class CodecIntake implements RecordIntake {

    private final EventCodec codec;

    CodecIntake(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public Optional<GreenbandEvent> decode(ConsumerRecord<String, byte[]> record) {
        return Optional.of(codec.decode(record).payload());
    }

    @Override
    public void deadLetter(ConsumerRecord<String, byte[]> record, Throwable error) {
        throw new IllegalStateException("benchmark record " + record.topic() + "@" + record.offset()
                + " would be dead-lettered: " + error.getMessage(), error);
    }
}
