package io.greenband.trainer.adapter.messaging;

import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.servicekit.log.ProducerSettings;
import io.greenband.trainer.worker.TrialEvents;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes the trainer's events through the shared codec (CloudEvents binary mode, topic and key
 * from the event: the study id for trial events), idempotently and acknowledged by all in-sync
 * replicas.
 */
public final class KafkaTrialEvents implements TrialEvents, AutoCloseable {

    private final EventCodec codec;
    private final Producer<String, byte[]> producer;
    private volatile boolean muted;

    /** A publisher over {@code kafka} client settings (bootstrap servers, security...). */
    public KafkaTrialEvents(EventCodec codec, Map<String, Object> kafka, String clientId) {
        this.codec = codec;
        this.producer =
                ProducerSettings.producer(ProducerSettings.durable(kafka, clientId, Duration.ZERO));
    }

    @Override
    public CompletableFuture<Void> publish(GreenbandEvent event) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (muted) {
            done.completeExceptionally(
                    new IllegalStateException("publisher muted: the trainer was abandoned"));
            return done;
        }
        try {
            producer.send(
                    codec.toRecord(event),
                    (metadata, error) -> {
                        if (error != null) {
                            done.completeExceptionally(error);
                        } else {
                            done.complete(null);
                        }
                    });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Drops every later event, as a process that died would send nothing more. */
    void mute() {
        muted = true;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
