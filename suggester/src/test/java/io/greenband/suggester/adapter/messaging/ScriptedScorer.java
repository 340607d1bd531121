package io.greenband.suggester.adapter.messaging;

import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.suggester.driver.Studies;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A stand-in for trainer and aggregator: reads {@code trial-suggested} and answers each suggestion
 * it is told to score with a {@code trial-scored} from {@link Studies#score}.
 */
final class ScriptedScorer implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;
    private volatile Predicate<TrialSuggested> answer;

    ScriptedScorer(Properties client, TopicRegistry topics, Predicate<TrialSuggested> answer) {
        this.answer = answer;
        // Scores come from the aggregator's source, after the trial's end, as the suggester
        // requires.
        EventCodec codec =
                EventCodec.builder()
                        .setSource(SuggesterLoop.DEFAULT_SCORER_SOURCE)
                        .optRegistry(topics)
                        .build();
        this.thread =
                new Thread(
                        () -> {
                            try (KafkaConsumer<String, byte[]> consumer =
                                            new KafkaConsumer<>(
                                                    client,
                                                    new StringDeserializer(),
                                                    new ByteArrayDeserializer());
                                    KafkaProducer<String, byte[]> producer =
                                            new KafkaProducer<>(
                                                    client,
                                                    new StringSerializer(),
                                                    new ByteArraySerializer())) {
                                String topic = topics.name(Topic.TRIAL_SUGGESTED);
                                List<TopicPartition> parts =
                                        consumer.partitionsFor(topic).stream()
                                                .map(i -> new TopicPartition(topic, i.partition()))
                                                .toList();
                                consumer.assign(parts);
                                consumer.seekToBeginning(parts);
                                while (running) {
                                    for (ConsumerRecord<String, byte[]> r :
                                            consumer.poll(Duration.ofMillis(50))) {
                                        TrialSuggested s =
                                                codec.decode(r).payload(TrialSuggested.class);
                                        if (this.answer.test(s)) {
                                            producer.send(codec.toRecord(Studies.finished(s)))
                                                    .get();
                                            producer.send(codec.toRecord(Studies.score(s))).get();
                                        }
                                    }
                                }
                            } catch (Exception e) {
                                if (running) {
                                    throw new IllegalStateException(e);
                                }
                            }
                        },
                        "scripted-scorer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
