package io.greenband.servicekit.log;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one place producer properties are assembled. Every event greenband writes is part of the log
 * that is the source of truth, so every producer waits for all in-sync replicas and is idempotent
 * (a retry never writes an event twice); a producer differs only in its client id, how long it
 * lingers to batch, and how long it may block.
 */
public final class ProducerSettings {

    private ProducerSettings() {}

    /**
     * Durable, idempotent producer properties over {@code client} (bootstrap servers, security,
     * SASL, trust store: any key a producer does not know is left out).
     *
     * @param clientId the producer's client id
     * @param linger how long a send may wait to batch ({@link Duration#ZERO} for events a reader
     *     waits on)
     */
    public static Properties durable(Map<?, ?> client, String clientId, Duration linger) {
        Properties p = new Properties();
        client.forEach(
                (k, v) -> {
                    if (v != null && ProducerConfig.configNames().contains(String.valueOf(k))) {
                        p.put(String.valueOf(k), v);
                    }
                });
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(linger.toMillis()));
        return p;
    }

    /**
     * As {@link #durable}, blocking and waiting for the broker at most {@code timeout} (a command
     * line).
     */
    public static Properties bounded(Map<?, ?> client, String clientId, Duration timeout) {
        Properties p = durable(client, clientId, Duration.ZERO);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis() * 2));
        return p;
    }

    /** A producer of String keys and byte values with {@code properties}. */
    public static KafkaProducer<String, byte[]> producer(Properties properties) {
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }
}
