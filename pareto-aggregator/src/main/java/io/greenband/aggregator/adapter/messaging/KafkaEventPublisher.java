package io.greenband.aggregator.adapter.messaging;

import io.greenband.aggregator.driver.EventPublisher;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.servicekit.intake.EventIntake;
import io.greenband.servicekit.log.ProducerSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends events through the service's codec (CloudEvents binary headers, topic and key from the
 * event) with {@code acks=all}, idempotence on, and waits for the acknowledgements: the consumer
 * acknowledges its input only after this returns.
 */
@ApplicationScoped
public class KafkaEventPublisher implements EventPublisher {

    private final EventIntake intake;
    private final KafkaProducer<String, byte[]> producer;

    @Inject
    public KafkaEventPublisher(
            EventIntake intake,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.intake = intake;
        // Every kafka.* setting (TLS, SASL), like the service's other clients.
        this.producer =
                ProducerSettings.producer(
                        ProducerSettings.durable(kafka, application + "-events", Duration.ZERO));
    }

    @Override
    public void publish(List<? extends GreenbandEvent> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (GreenbandEvent e : events) {
            sent.add(producer.send(intake.codec().toRecord(e)));
        }
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing trial-scored", e);
            } catch (ExecutionException | TimeoutException e) {
                // Thrown to the consumer: its record is not acknowledged and comes back.
                throw new IllegalStateException("publishing failed: " + e.getMessage(), e);
            }
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
