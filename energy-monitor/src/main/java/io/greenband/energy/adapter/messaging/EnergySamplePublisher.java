package io.greenband.energy.adapter.messaging;

import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.EnergySample;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.greenband.servicekit.log.ProducerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes samples as binary-mode CloudEvents through the events codec, from its own thread: the
 * sampler only enqueues, so a slow or absent broker never delays a tick. A bounded outbox drops its
 * oldest samples when full, and counts them.
 */
public final class EnergySamplePublisher implements AutoCloseable {

    /** The producer's {@code client.id}. */
    public static final String CLIENT_ID = "greenband-energy-monitor";

    private static final System.Logger LOG =
            System.getLogger(EnergySamplePublisher.class.getName());

    private final EventCodec codec;
    private final Producer<String, byte[]> producer;
    private final BlockingQueue<EnergySample> outbox;
    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    /** A publisher sending with {@code producer}; starts its thread. */
    public EnergySamplePublisher(
            EventCodec codec, Producer<String, byte[]> producer, int outboxCapacity) {
        if (outboxCapacity < 1) {
            throw new IllegalArgumentException(
                    "greenband.energy.publish.outbox-capacity must be >= 1, was " + outboxCapacity);
        }
        this.codec = codec;
        this.producer = producer;
        this.outbox = new ArrayBlockingQueue<>(outboxCapacity);
        this.thread = new Thread(this::drain, "greenband-energy-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A Kafka producer for event records: idempotent, all replicas acknowledge.
     *
     * @param kafka the service's {@code kafka.*} client settings (bootstrap servers, security
     *     protocol, SASL, trust store), as {@link KafkaClientSettings} takes them
     */
    public static Producer<String, byte[]> kafkaProducer(Map<String, Object> kafka) {
        return new KafkaProducer<>(producerProperties(kafka));
    }

    /**
     * The properties {@link #kafkaProducer} builds its producer with: every {@code kafka.*} setting
     * plus its own.
     */
    public static Properties producerProperties(Map<String, Object> kafka) {
        // Samples come every second from every device: a short linger batches them.
        Properties p = ProducerSettings.durable(kafka, CLIENT_ID, Duration.ofMillis(20));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /** Queues samples; never blocks. */
    public void submit(List<EnergySample> samples) {
        for (EnergySample s : samples) {
            while (!outbox.offer(s)) {
                if (outbox.poll() != null && dropped.incrementAndGet() % 1000 == 1) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "energy-sample outbox full; dropped "
                                    + dropped.get()
                                    + " oldest samples so far (is Kafka reachable?)");
                }
            }
        }
    }

    private void drain() {
        while (running || !outbox.isEmpty()) {
            EnergySample s;
            try {
                s = outbox.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (s == null) {
                continue;
            }
            try {
                producer.send(
                        codec.toRecord(s),
                        (meta, error) -> {
                            if (error == null) {
                                published.incrementAndGet();
                            } else if (failed.incrementAndGet() % 1000 == 1) {
                                LOG.log(
                                        System.Logger.Level.WARNING,
                                        "energy-sample not delivered ("
                                                + failed.get()
                                                + " so far): "
                                                + error);
                            }
                        });
            } catch (RuntimeException e) {
                if (failed.incrementAndGet() % 1000 == 1) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "energy-sample could not be sent (" + failed.get() + " so far): " + e);
                }
            }
        }
    }

    /** Samples the broker acknowledged. */
    public long published() {
        return published.get();
    }

    /** Samples dropped because the outbox was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Samples the producer gave up on. */
    public long failed() {
        return failed.get();
    }

    /** Sends what is queued, flushes and closes the producer. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
        producer.close(Duration.ofSeconds(5));
    }
}
