package io.greenband.servicekit.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.SampleEvents;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The consumer loop ends every record and commits it; a consumer that stops or stalls is reported
 * DOWN.
 */
@EmbeddedStackTest
class IntakeLoopTest {

    EmbeddedStack stack;

    @Test
    void poisonIsDeadLetteredAndCommittedAndAStoreFailureTakesHealthDown() throws Exception {
        TopicRegistry topics = TopicRegistry.withPrefix("loop.").withPartitions(1);
        stack.createTopics(topics);
        Map<String, Object> kafka = Map.of("bootstrap.servers", stack.kafkaBootstrapServers());
        EventIntake intake = new EventIntake(topics, kafka, "loop-test");
        ConsumerWatch watch = new ConsumerWatch(Duration.ofMinutes(1), Clock.systemUTC());
        List<ReceivedEvent> handled = new CopyOnWriteArrayList<>();
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafkaBootstrapServers());
        p.put("group.id", "loop-test");
        var good = intake.codec().toRecord(SampleEvents.trialProgress());
        var poison =
                new ProducerRecord<>(good.topic(), null, good.key(), good.value(), good.headers());
        poison.headers().remove("ce_time");
        poison.headers()
                .add(
                        "ce_time",
                        "2026-12-07T16:45:44.250920148Z |".getBytes(StandardCharsets.UTF_8));
        try (var producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(poison).get();
            producer.send(good).get();
            IntakeLoop loop =
                    IntakeLoop.perRecord(
                                    "progress",
                                    p,
                                    List.of(topics.name(Topic.TRIAL_PROGRESS)),
                                    intake,
                                    (event, record) -> {
                                        if (handled.size() > 0) {
                                            throw new IllegalStateException("store down");
                                        }
                                        handled.add(event);
                                    },
                                    watch)
                            .start();
            await(() -> handled.size() == 1 && committed(p, good.topic()) == 2);
            assertThat(watch.status().up()).isTrue();
            // A second good record meets a store failure: not dead-lettered, not committed, the
            // consumer stops.
            producer.send(good).get();
            await(() -> !loop.isAlive());
            assertThat(committed(p, good.topic())).isEqualTo(2);
            assertThat(watch.status().up()).isFalse();
            assertThat(watch.status().data().get("progress").toString())
                    .contains("stopped", "store down");
            loop.close();
        } finally {
            intake.close();
        }
    }

    @Test
    void aConsumerThatStopsPollingIsStalled() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        var clock = new java.util.concurrent.atomic.AtomicReference<>(t0);
        ConsumerWatch watch =
                new ConsumerWatch(
                        Duration.ofSeconds(30),
                        new Clock() {
                            @Override
                            public java.time.ZoneId getZone() {
                                return ZoneOffset.UTC;
                            }

                            @Override
                            public Clock withZone(java.time.ZoneId zone) {
                                return this;
                            }

                            @Override
                            public Instant instant() {
                                return clock.get();
                            }
                        });
        watch.started("c");
        clock.set(t0.plusSeconds(20));
        watch.polled("c");
        clock.set(t0.plusSeconds(45));
        assertThat(watch.status().up()).isTrue();
        clock.set(t0.plusSeconds(51));
        assertThat(watch.status().up()).isFalse();
        assertThat(watch.status().data().get("c").toString())
                .contains("stalled", ConsumerWatch.STALL_TIMEOUT);
        watch.closed("c");
        assertThat(watch.status().up()).isTrue();
    }

    private static long committed(Properties p, String topic) {
        try (Admin admin = Admin.create(p)) {
            var o =
                    admin.listConsumerGroupOffsets("loop-test")
                            .partitionsToOffsetAndMetadata()
                            .get()
                            .get(new TopicPartition(topic, 0));
            return o == null ? -1 : o.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition within 60 s").isTrue();
    }
}
