package io.greenband.servicekit.intake;

import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.deadletter.RejectedEvent;
import io.greenband.events.kafka.DeadLetterPublisher;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.study.StudyLimits;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.log.ProducerSettings;
import io.greenband.servicekit.metrics.IntakeMetrics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one way a service turns a raw Kafka record into an event. Records arrive as bytes (String
 * key, {@code byte[]} value: no framework parses a header or the value before this class); {@link
 * #process} checks the envelope (value present and bounded, {@code ce_specversion} 1.0, {@code
 * ce_id}/{@code ce_source}/ {@code ce_type} present, {@code ce_time} parseable, the type belonging
 * on the topic), decodes and validates the payload with the shared {@link EventCodec} (studies
 * under their {@link StudyLimits}), hands the event to the consumer's handler, and dead-letters
 * what fails with its reason and origin before the offset is committed. {@link IntakeLoop} is the
 * consumer loop built on it.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final EventCodec codec;
    private final Producer<String, byte[]> producer;
    private final DeadLetterPublisher deadLetters;

    /** An intake under the default study limits. */
    public EventIntake(TopicRegistry topics, Map<String, Object> kafka, String application) {
        this(topics, kafka, application, StudyLimits.DEFAULTS);
    }

    /**
     * An intake configured by the service: its topics, {@code kafka.*} settings, name and study
     * limits.
     */
    @Inject
    public EventIntake(
            TopicRegistry topics,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String application,
            org.eclipse.microprofile.config.Config config) {
        this(
                topics,
                kafka,
                application,
                StudyLimits.from(name -> config.getOptionalValue(name, String.class)));
    }

    /** An intake under explicit study limits. */
    public EventIntake(
            TopicRegistry topics,
            Map<String, Object> kafka,
            String application,
            StudyLimits limits) {
        this.codec =
                EventCodec.builder()
                        .setSource("/greenband/" + application)
                        .optRegistry(topics)
                        .optStudyLimits(limits)
                        .build();
        // A dead letter must be durable before the original offset is committed.
        this.producer =
                ProducerSettings.producer(
                        ProducerSettings.durable(
                                kafka, application + "-dead-letters", java.time.Duration.ZERO));
        this.deadLetters =
                new DeadLetterPublisher(producer, topics, application, Clock.systemUTC());
    }

    /** The codec this service decodes and encodes with. */
    public EventCodec codec() {
        return codec;
    }

    /**
     * Decodes {@code record}; on failure dead-letters it (waiting until the dead letter is stored)
     * and returns empty.
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

    /**
     * The one path of a record: envelope, headers and payload checked by {@link #decode}, then
     * {@code handler}. Ends {@link Outcome#PROCESSED} or {@link Outcome#DEAD_LETTERED} (stored
     * before this returns), after which the caller commits the offset. A fault of the record's
     * content thrown by the handler dead-letters it; any other failure (store, broker) is thrown,
     * wrapped when checked, and the offset must not be committed.
     */
    public Outcome process(ConsumerRecord<String, byte[]> record, EventHandler handler) {
        Optional<ReceivedEvent> event = decode(record);
        if (event.isEmpty()) {
            return Outcome.DEAD_LETTERED;
        }
        try {
            handler.handle(event.get(), record);
            return Outcome.PROCESSED;
        } catch (RejectedEvent
                | IllegalArgumentException
                | ArithmeticException
                | NullPointerException
                | ClassCastException
                | IndexOutOfBoundsException
                | UnsupportedOperationException e) {
            deadLetter(record, e);
            return Outcome.DEAD_LETTERED;
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handling " + origin(record), e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "handling " + origin(record) + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code topic-partition@offset} of a record, for messages. */
    public static String origin(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** Dead-letters a record whose handling failed for a reason other than decoding. */
    public void deadLetter(ConsumerRecord<String, byte[]> record, Throwable error) {
        LOG.warnf(
                "dead-lettering %s-%d@%d: %s",
                record.topic(), record.partition(), record.offset(), error.getMessage());
        try {
            deadLetters.publish(record, error).get(30, TimeUnit.SECONDS);
            IntakeMetrics.global().deadLettered(record.topic());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while dead-lettering " + record.topic() + "@" + record.offset(),
                    e);
        } catch (ExecutionException | TimeoutException e) {
            // Not acknowledging is better than losing the record: the consumer will see it again.
            throw new IllegalStateException(
                    "could not dead-letter "
                            + record.topic()
                            + "@"
                            + record.offset()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
