package io.greenband.servicekit.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.SampleEvents;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.ConsumedRecords;
import io.greenband.events.kafka.DeadLetterRecords;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The services' intake decodes good records and dead-letters bad ones through the real broker. */
@EmbeddedStackTest
class EventIntakeTest {

    EmbeddedStack stack;

    @Test
    void decodesGoodRecordsAndDeadLettersGarbageWithItsOrigin() {
        TopicRegistry topics = stack.topics();
        EventIntake intake =
                new EventIntake(
                        topics,
                        java.util.Map.of("bootstrap.servers", stack.kafkaBootstrapServers()),
                        "intake-test");
        try {
            var good =
                    ConsumedRecords.asConsumed(
                            intake.codec().toRecord(SampleEvents.trialProgress()), 0, 7);
            Optional<ReceivedEvent> decoded = intake.decode(good);
            assertThat(decoded).isPresent();
            assertThat(decoded.get().payload(io.greenband.events.payload.TrialProgress.class))
                    .isEqualTo(SampleEvents.trialProgress());

            var garbage =
                    new ConsumerRecord<>(
                            topics.name(Topic.TRIAL_PROGRESS),
                            2,
                            41L,
                            "study-x",
                            "not json".getBytes(StandardCharsets.UTF_8));
            good.headers().forEach(h -> garbage.headers().add(h));
            assertThat(intake.decode(garbage)).isEmpty();

            ConsumerRecord<String, byte[]> letter = readOne(topics.name(Topic.DEAD_LETTER));
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
            assertThat(letter.key()).isEqualTo("study-x");
            assertThat(header(letter, DeadLetterRecords.REASON)).isNotBlank();
            assertThat(header(letter, DeadLetterRecords.TOPIC))
                    .isEqualTo(topics.name(Topic.TRIAL_PROGRESS));
            assertThat(header(letter, DeadLetterRecords.PARTITION)).isEqualTo("2");
            assertThat(header(letter, DeadLetterRecords.OFFSET)).isEqualTo("41");
        } finally {
            intake.close();
        }
    }

    private ConsumerRecord<String, byte[]> readOne(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "intake-test-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (got.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
            }
            assertThat(got).as("a dead letter on " + topic).hasSize(1);
            return got.get(0);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
