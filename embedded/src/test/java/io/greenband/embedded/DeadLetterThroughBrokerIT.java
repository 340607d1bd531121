package io.greenband.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.SampleEvents;
import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.kafka.DeadLetterPublisher;
import io.greenband.events.kafka.DeadLetterRecords;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.DeadLetter;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The events module's decoding and dead-letter publishing on the real broker: a garbage record
 * between two good ones goes to {@code dead-letter} with its reason and origin, and both good
 * events are still delivered, in order.
 */
@EmbeddedStackTest
class DeadLetterThroughBrokerIT {

    static final TopicRegistry TOPICS = TopicRegistry.withPrefix("dlq.").withPartitions(1);
    static final EventCodec CODEC =
            EventCodec.builder().setSource("/greenband/embedded-it").optRegistry(TOPICS).build();
    static final String GROUP = "dead-letter-it";

    @Test
    void garbageBetweenTwoGoodEventsIsDeadLetteredAndBothGoodOnesAreDelivered(EmbeddedStack stack)
            throws Exception {
        stack.createTopics(TOPICS);
        String studies = TOPICS.name(Topic.STUDIES);
        GreenbandEvent first = SampleEvents.studyDefined();
        GreenbandEvent second = SampleEvents.studyStopped();
        ProducerRecord<String, byte[]> good = CODEC.toRecord(first);
        // Real CloudEvents headers, broken JSON: what a buggy producer would send.
        byte[] garbageValue = "{\"studyId\": \"dsnn-demo\", oops".getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> garbage =
                new ProducerRecord<>(studies, null, first.key(), garbageValue, good.headers());
        try (KafkaProducer<String, byte[]> producer = KafkaTestClients.producer(stack)) {
            producer.send(good).get(30, TimeUnit.SECONDS);
            producer.send(garbage).get(30, TimeUnit.SECONDS);
            producer.send(CODEC.toRecord(second)).get(30, TimeUnit.SECONDS);
        }

        List<GreenbandEvent> delivered = new ArrayList<>();
        int deadLettered = 0;
        try (KafkaConsumer<String, byte[]> consumer = KafkaTestClients.consumer(stack, GROUP);
                KafkaProducer<String, byte[]> dlqProducer = KafkaTestClients.producer(stack)) {
            consumer.subscribe(List.of(studies));
            DeadLetterPublisher letters =
                    new DeadLetterPublisher(dlqProducer, TOPICS, GROUP, Clock.systemUTC());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((delivered.size() < 2 || deadLettered < 1) && System.nanoTime() < deadline) {
                // The loop every consumer runs: decode the raw record, dead-letter what fails, then
                // commit.
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        delivered.add(CODEC.decode(r).payload());
                    } catch (EventDecodingException e) {
                        letters.publish(r, e).get(30, TimeUnit.SECONDS);
                        deadLettered++;
                    }
                }
                consumer.commitSync();
            }
            OffsetAndMetadata committed =
                    consumer.committed(Set.of(new TopicPartition(studies, 0)))
                            .get(new TopicPartition(studies, 0));
            assertThat(committed).isNotNull();
            assertThat(committed.offset())
                    .as("offset committed past all three records")
                    .isEqualTo(3);
        }
        assertThat(delivered).containsExactly(first, second);
        assertThat(deadLettered).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> letters =
                KafkaTestClients.readUntil(
                        stack,
                        TOPICS.name(Topic.DEAD_LETTER),
                        "dead-letter-reader",
                        read -> !read.isEmpty());
        assertThat(letters).hasSize(1);
        ConsumerRecord<String, byte[]> raw = letters.get(0);
        assertThat(raw.key()).isEqualTo(first.key());
        assertThat(raw.value()).isEqualTo(garbageValue);
        DeadLetter letter = DeadLetterRecords.fromRecord(raw);
        assertThat(letter.originTopic()).isEqualTo(studies);
        assertThat(letter.originPartition()).isZero();
        assertThat(letter.originOffset()).isEqualTo(1);
        assertThat(letter.kind()).isEqualTo(EventDecodingException.Kind.MALFORMED_JSON.name());
        assertThat(letter.reason()).contains("JSON");
        assertThat(letter.consumerGroup()).isEqualTo(GROUP);
        assertThat(letter.headers()).anySatisfy(h -> assertThat(h.name()).isEqualTo("ce_type"));
    }
}
