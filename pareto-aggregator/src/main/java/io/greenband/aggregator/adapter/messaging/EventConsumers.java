package io.greenband.aggregator.adapter.messaging;

import io.greenband.events.payload.GreenbandEvent;
import io.greenband.servicekit.intake.EventIntake;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The Kafka consumers: decode through the shared {@link EventIntake} (bad records go to dead-letter), hand
 * events to the engine and return; SmallRye acknowledges after the method returns, so offsets are committed
 * only once the engine has stored and published the effects. A record the core rejects as invalid is
 * dead-lettered too; a store or broker failure is thrown, leaving the record unacknowledged.
 */
@ApplicationScoped
public class EventConsumers {

    private final EventIntake intake;
    private final ScoringEngine engine;
    private final SampleBatches samples;

    @Inject
    public EventConsumers(EventIntake intake, ScoringEngine engine) {
        this.intake = intake;
        this.engine = engine;
        this.samples = new SampleBatches(new RecordIntake() {
            @Override
            public Optional<GreenbandEvent> decode(ConsumerRecord<String, byte[]> record) {
                return intake.decode(record).map(e -> e.payload());
            }

            @Override
            public void deadLetter(ConsumerRecord<String, byte[]> record, Throwable error) {
                intake.deadLetter(record, error);
            }
        }, engine);
    }

    /** {@code studies}: every replica reads all study definitions (its own group id). */
    @Incoming("studies")
    @Blocking
    public void study(ConsumerRecord<String, byte[]> record) {
        handle(record);
    }

    /**
     * {@code trial-started}, {@code trial-progress}, {@code trial-finished}, {@code objective-reported}: one
     * consumer for all four, so the range assignor gives a replica the same partitions (the same studies) of
     * each topic.
     */
    @Incoming("trials")
    @Blocking
    public void trial(ConsumerRecord<String, byte[]> record) {
        handle(record);
    }

    /** {@code energy-sample} in batches: every replica reads all samples (its own group id). */
    @Incoming("energy-sample")
    @Blocking
    public void samples(ConsumerRecords<String, byte[]> records) {
        samples.accept(records);
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        intake.decode(record).ifPresent(e -> {
            GreenbandEvent event = e.payload();
            try {
                engine.accept(event);
            } catch (IllegalArgumentException invalid) {
                intake.deadLetter(record, invalid);
            }
        });
    }
}
