package io.greenband.servicekit.intake;

import io.greenband.events.codec.EventCodec;
import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.deadletter.DeadLetterPublisher;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one way a service's SmallRye Kafka consumer turns a raw record into an event: decode it with the
 * shared {@link EventCodec} (CloudEvents binary mode, schema-validated) and, when that fails, publish the
 * record to {@code dead-letter} with the reason and its origin before the offset is acknowledged, so a
 * bad record never blocks or kills the consumer. Consumers receive {@code ConsumerRecord<String, byte[]>}
 * (ByteArrayDeserializer) and call {@link #decode}.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final EventCodec codec;
    private final Producer<String, byte[]> producer;
    private final DeadLetterPublisher deadLetters;

    @Inject
    public EventIntake(TopicRegistry topics,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.codec = EventCodec.builder().setSource("/greenband/" + application).optRegistry(topics).build();
        Properties p = KafkaClientSettings.forClient(kafka, application + "-dead-letters");
        // A dead letter must be durable before the original offset is committed.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.deadLetters = new DeadLetterPublisher(producer, topics, application, Clock.systemUTC());
    }

    /** The codec this service decodes and encodes with. */
    public EventCodec codec() {
        return codec;
    }

    /**
     * Decodes {@code record}; on failure dead-letters it (waiting until the dead letter is stored) and
     * returns empty.
     */
    public Optional<ReceivedEvent> decode(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(codec.decode(record));
        } catch (EventDecodingException e) {
            deadLetter(record, e);
            return Optional.empty();
        } catch (RuntimeException e) {
            // A decoder crash is still the record's fault as far as this consumer can tell.
            deadLetter(record, e);
            return Optional.empty();
        }
    }

    /** Dead-letters a record whose handling failed for a reason other than decoding. */
    public void deadLetter(ConsumerRecord<String, byte[]> record, Throwable error) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), error.getMessage());
        try {
            deadLetters.publish(record, error).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + record.topic() + "@" + record.offset(), e);
        } catch (ExecutionException | TimeoutException e) {
            // Not acknowledging is better than losing the record: the consumer will see it again.
            throw new IllegalStateException("could not dead-letter " + record.topic() + "@" + record.offset()
                    + ": " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
