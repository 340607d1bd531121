package io.greenband.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.EventType;
import io.greenband.events.SampleEvents;
import io.greenband.events.codec.EventJson;
import io.greenband.events.codec.EventSchemas;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.kafka.GreenbandEventDeserializer;
import io.greenband.events.kafka.GreenbandEventSerializer;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.events.topic.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One sample event of every type goes through the real broker with the events module's serializer;
 * separate consumers check the CloudEvents headers, the payload against its JSON Schema, and that
 * what arrives equals what was sent.
 */
@EmbeddedStackTest
class EventsThroughBrokerIT {

    static final TopicRegistry TOPICS = TopicRegistry.withPrefix("roundtrip.").withPartitions(1);
    static final EventCodec CODEC =
            EventCodec.builder()
                    .setSource("/greenband/embedded-it")
                    .optRegistry(TOPICS)
                    .optValidateOnEncode(true)
                    .build();

    static EmbeddedStack stack;
    static List<GreenbandEvent> sent;
    static List<String> topicNames;

    @BeforeAll
    static void produceOneOfEachType() throws Exception {
        stack.createTopics(TOPICS);
        topicNames = TOPICS.all().stream().map(TopicSpec::name).toList();
        sent = SampleEvents.all();
        assertThat(sent.stream().map(GreenbandEvent::type))
                .containsExactlyInAnyOrder(EventType.values());
        try (KafkaProducer<String, GreenbandEvent> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                stack.kafkaBootstrapServers(),
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new StringSerializer(),
                        new GreenbandEventSerializer(CODEC))) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (GreenbandEvent event : sent) {
                acks.add(
                        producer.send(
                                new ProducerRecord<>(
                                        TOPICS.name(event.type().topic()), event.key(), event)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void everyEventArrivesWithCloudEventsHeadersAndASchemaValidPayloadEqualToWhatWasSent()
            throws Exception {
        List<ConsumerRecord<String, byte[]>> received =
                readAll(new ByteArrayDeserializer(), "raw-check");
        assertThat(received).hasSize(sent.size());
        for (GreenbandEvent event : sent) {
            ConsumerRecord<String, byte[]> record =
                    received.stream()
                            .filter(r -> header(r, "ce_type").equals(event.type().ceType()))
                            .findFirst()
                            .orElseThrow();
            String what = event.type().ceType();
            assertThat(record.topic())
                    .as("topic of %s", what)
                    .isEqualTo(TOPICS.name(event.type().topic()));
            assertThat(record.key()).as("key of %s", what).isEqualTo(event.key());
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_id"))
                    .as("ce_id of %s", what)
                    .isEqualTo(EventCodec.idFor(event));
            assertThat(header(record, "ce_source")).isEqualTo("/greenband/embedded-it");
            assertThat(OffsetDateTime.parse(header(record, "ce_time")).toInstant())
                    .as("ce_time of %s", what)
                    .isEqualTo(event.occurredAt());
            assertThat(header(record, "ce_subject"))
                    .as("ce_subject of %s", what)
                    .isEqualTo(event.subject());
            assertThat(
                            EventSchemas.get()
                                    .validate(
                                            event.type(),
                                            EventJson.mapper().readTree(record.value())))
                    .as("schema violations of %s", what)
                    .isEmpty();
            ReceivedEvent decoded = CODEC.decode(record);
            assertThat(decoded.payload()).as("payload of %s", what).isEqualTo(event);
            assertThat(decoded.id()).isEqualTo(EventCodec.idFor(event));
        }
    }

    @Test
    void theEventsDeserializerReadsBackEqualPayloads() {
        List<ConsumerRecord<String, GreenbandEvent>> received =
                readAll(new GreenbandEventDeserializer(CODEC), "typed-check");
        assertThat(received.stream().map(ConsumerRecord::value))
                .containsExactlyInAnyOrderElementsOf(sent);
    }

    private static <V> List<ConsumerRecord<String, V>> readAll(
            org.apache.kafka.common.serialization.Deserializer<V> values, String group) {
        List<ConsumerRecord<String, V>> read = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                stack.kafkaBootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                group,
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new StringDeserializer(),
                        values)) {
            consumer.subscribe(topicNames);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < sent.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        assertThat(h)
                .as("header %s on %s", name, Arrays.toString(record.headers().toArray()))
                .isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
