package io.greenband.events.kafka;

import io.greenband.events.payload.DeadLetter;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes records that could not be processed to the registry's dead-letter topic with a plain
 * {@code Producer<String, byte[]>}. The caller owns the producer (and closes it). Thread-safe as
 * far as the producer is.
 */
public final class DeadLetterPublisher {

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final String consumerGroup;
    private final Clock clock;

    /**
     * @param producer where to send; {@code acks=all} is advised so a dead letter is durable before
     *     the original offset is committed
     * @param registry names the dead-letter topic
     * @param consumerGroup the group of the consumer that gives up, recorded in each dead letter;
     *     may be null
     * @param clock stamps {@code dead-letter-failed-at}
     */
    public DeadLetterPublisher(
            Producer<String, byte[]> producer,
            TopicRegistry registry,
            String consumerGroup,
            Clock clock) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = registry.name(Topic.DEAD_LETTER);
        this.consumerGroup = consumerGroup;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The dead-letter topic name. */
    public String topic() {
        return topic;
    }

    /**
     * Dead-letters {@code record}, which failed with {@code error}; the future completes when it is
     * stored.
     */
    public Future<RecordMetadata> publish(ConsumerRecord<String, byte[]> record, Throwable error) {
        return publish(record, error, DeadLetterRecords.kindOf(error));
    }

    /** Dead-letters {@code record}, which failed with {@code error}, labelled {@code kind}. */
    public Future<RecordMetadata> publish(
            ConsumerRecord<String, byte[]> record, Throwable error, String kind) {
        DeadLetter letter =
                DeadLetterRecords.of(record, error, kind, consumerGroup, clock.instant());
        Throwable cause = error.getCause();
        return producer.send(
                DeadLetterRecords.toRecord(
                        letter, topic, cause == null ? null : String.valueOf(cause.getMessage())));
    }

    /** Publishes an already built dead letter. */
    public Future<RecordMetadata> publish(DeadLetter letter) {
        return producer.send(DeadLetterRecords.toRecord(letter, topic, null));
    }
}
