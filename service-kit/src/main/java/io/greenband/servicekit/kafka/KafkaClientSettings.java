package io.greenband.servicekit.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Turns the {@code kafka.*} settings Quarkus collects for its own clients (bootstrap servers,
 * security protocol, SASL, trust store; from properties or {@code KAFKA_*} variables) into
 * properties for a plain Kafka client, so that every client of a service reaches a TLS/SASL cluster
 * the same way.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {}

    /** The client properties, with {@code client.id} set; Quarkus-only keys are left out. */
    public static Properties forClient(Map<String, Object> kafka, String clientId) {
        Properties client = new Properties();
        kafka.forEach(
                (k, v) -> {
                    // Quarkus-only keys (e.g. a TLS registry name) mean nothing to a plain client.
                    if (!k.startsWith("tls-") && !k.startsWith("devservices") && v != null) {
                        client.put(k, v);
                    }
                });
        client.put("client.id", clientId);
        return client;
    }

    /**
     * The entries of {@code kafka} whose key {@code known} names (a client's {@code
     * configNames()}), so the client gets every setting it understands (security, SASL, SSL
     * included) and logs no unknown-config warnings.
     */
    public static Map<String, Object> only(Map<String, Object> kafka, Set<String> known) {
        Map<String, Object> out = new HashMap<>();
        kafka.forEach(
                (key, value) -> {
                    if (known.contains(key) && value != null) {
                        out.put(key, value);
                    }
                });
        return out;
    }
}
