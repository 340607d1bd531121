package io.greenband.servicekit.kafka;

import java.util.Map;
import java.util.Properties;

/**
 * Turns the {@code kafka.*} settings Quarkus collects for its own clients (bootstrap servers, security protocol,
 * SASL, trust store; from properties or {@code KAFKA_*} variables) into properties for a plain Kafka client, so
 * that every client of a service reaches a TLS/SASL cluster the same way.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {}

    /** The client properties, with {@code client.id} set; Quarkus-only keys are left out. */
    public static Properties forClient(Map<String, Object> kafka, String clientId) {
        Properties client = new Properties();
        kafka.forEach((k, v) -> {
            // Quarkus-only keys (e.g. a TLS registry name) mean nothing to a plain client.
            if (!k.startsWith("tls-") && !k.startsWith("devservices") && v != null) {
                client.put(k, v);
            }
        });
        client.put("client.id", clientId);
        return client;
    }
}
