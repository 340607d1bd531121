package io.greenband.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.events.SampleEvents;
import io.greenband.events.codec.EventCodec;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.DeadLetter;
import io.greenband.events.topic.TopicRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventConsumerLoopTest {

    private static final TopicPartition TP = new TopicPartition("trial-finished", 0);

    private final EventCodec codec = EventCodec.forSource("/greenband/test");
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final DeadLetterPublisher publisher = new DeadLetterPublisher(producer, TopicRegistry.defaults(),
            "aggregator", Clock.fixed(SampleEvents.T0, ZoneOffset.UTC));
    private final List<ReceivedEvent> seen = new ArrayList<>();

    @BeforeEach
    void assign() {
        consumer.assign(List.of(TP));
        consumer.updateBeginningOffsets(Map.of(TP, 0L));
    }

    @Test
    void goodEventsAreHandledBadOnesDeadLetteredAndAllOffsetsCommitted() {
        consumer.addRecord(record(0, codec.toRecord(SampleEvents.trialFinished())));
        ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>(TP.topic(), 0, 1L, "dsnn-demo",
                "{oops".getBytes(StandardCharsets.UTF_8));
        consumer.addRecord(garbage);
        ProducerRecord<String, byte[]> broken = codec.toRecord(SampleEvents.trialFinished(), "id-2");
        ProducerRecord<String, byte[]> brokenValue = new ProducerRecord<>(broken.topic(), null, broken.key(),
                "{\"studyId\":\"dsnn-demo\"}".getBytes(StandardCharsets.UTF_8), broken.headers());
        consumer.addRecord(record(2, brokenValue));
        consumer.addRecord(record(3, codec.toRecord(SampleEvents.trialFinished(), "id-3")));

        var loop = new EventConsumerLoop(consumer, codec, (e, r) -> seen.add(e), publisher, Duration.ZERO,
                EventConsumerLoop.OnHandlerFailure.DEAD_LETTER);
        var result = loop.pollOnce();

        assertThat(result).isEqualTo(new EventConsumerLoop.PollResult(2, 2));
        assertThat(seen).extracting(ReceivedEvent::payload).containsOnly(SampleEvents.trialFinished());
        assertThat(consumer.committed(java.util.Set.of(TP)).get(TP).offset()).isEqualTo(4L);
        List<ProducerRecord<String, byte[]>> letters = producer.history();
        assertThat(letters).hasSize(2).allSatisfy(r -> assertThat(r.topic()).isEqualTo("dead-letter"));
        assertThat(header(letters.get(0), DeadLetterRecords.REASON)).startsWith("header ce_specversion is missing");
        assertThat(header(letters.get(0), DeadLetterRecords.OFFSET)).isEqualTo("1");
        assertThat(header(letters.get(0), DeadLetterRecords.TOPIC)).isEqualTo("trial-finished");
        assertThat(header(letters.get(0), DeadLetterRecords.PARTITION)).isEqualTo("0");
        assertThat(letters.get(0).key()).isEqualTo("dsnn-demo");
        assertThat(letters.get(0).value()).isEqualTo(garbage.value());
        assertThat(header(letters.get(1), DeadLetterRecords.KIND)).isEqualTo("SCHEMA_VIOLATION");
        assertThat(header(letters.get(1), DeadLetterRecords.REASON)).contains("/attempt");
        assertThat(header(letters.get(1), "ce_type")).isEqualTo("io.greenband.trial-finished.v1");
    }

    @Test
    void handlerFailureIsDeadLetteredByDefault() {
        consumer.addRecord(record(0, codec.toRecord(SampleEvents.trialFinished())));
        var loop = new EventConsumerLoop(consumer, codec, (e, r) -> {
            throw new IllegalStateException("store unavailable");
        }, publisher, Duration.ZERO, EventConsumerLoop.OnHandlerFailure.DEAD_LETTER);

        assertThat(loop.pollOnce()).isEqualTo(new EventConsumerLoop.PollResult(0, 1));
        assertThat(header(producer.history().get(0), DeadLetterRecords.KIND)).isEqualTo(DeadLetterRecords.HANDLER_FAILED);
        assertThat(header(producer.history().get(0), DeadLetterRecords.REASON)).contains("store unavailable");
        assertThat(consumer.committed(java.util.Set.of(TP)).get(TP).offset()).isEqualTo(1L);
    }

    @Test
    void handlerFailureUnderStopCommitsOnlyWhatWasHandled() {
        consumer.addRecord(record(0, codec.toRecord(SampleEvents.trialFinished())));
        consumer.addRecord(record(1, codec.toRecord(SampleEvents.trialFinished(), "second")));
        var loop = new EventConsumerLoop(consumer, codec, (e, r) -> {
            if (r.offset() == 1) {
                throw new IllegalStateException("boom");
            }
        }, publisher, Duration.ZERO, EventConsumerLoop.OnHandlerFailure.STOP);

        assertThatThrownBy(loop::pollOnce).isInstanceOf(EventConsumerLoop.HandlerFailedException.class)
                .hasMessageContaining("trial-finished/0@1");
        assertThat(consumer.committed(java.util.Set.of(TP)).get(TP).offset()).isEqualTo(1L);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void runReturnsAfterStopAndCommitsWhatWasHandled() {
        consumer.addRecord(record(0, codec.toRecord(SampleEvents.trialFinished())));
        EventConsumerLoop[] loop = new EventConsumerLoop[1];
        loop[0] = new EventConsumerLoop(consumer, codec, (e, r) -> {
            seen.add(e);
            loop[0].stop();
        }, publisher, Duration.ZERO, EventConsumerLoop.OnHandlerFailure.DEAD_LETTER);

        loop[0].run();

        assertThat(seen).hasSize(1);
        assertThat(consumer.committed(java.util.Set.of(TP)).get(TP).offset()).isEqualTo(1L);
    }

    @Test
    void deadLetterRecordReadsBackIntoTheSameDeadLetter() {
        DeadLetter letter = SampleEvents.deadLetter();
        ProducerRecord<String, byte[]> wire = DeadLetterRecords.toRecord(letter, "dead-letter", "cause text");

        DeadLetter back = DeadLetterRecords.fromRecord(SampleEvents.asConsumed(wire, 0, 0));

        assertThat(back).isEqualTo(letter);
        assertThat(header(wire, DeadLetterRecords.CAUSE)).isEqualTo("cause text");
    }

    private static ConsumerRecord<String, byte[]> record(long offset, ProducerRecord<String, byte[]> sent) {
        var r = SampleEvents.asConsumed(sent, 0, offset);
        return new ConsumerRecord<>(TP.topic(), 0, offset, r.timestamp(), r.timestampType(), -1, -1, r.key(), r.value(),
                r.headers(), java.util.Optional.empty());
    }

    private static String header(ProducerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
