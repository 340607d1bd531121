package io.greenband.aggregator.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The recovery's admin client and the replay's consumer are built with every {@code kafka.*}
 * setting of the service, so they reach a TLS/SASL cluster like its other clients. No SASL broker
 * is needed: the properties are checked, and real clients are built from them (building one
 * connects to nothing).
 */
class ClientSettingsTest {

    /** The service's settings for a SASL cluster, with the Quarkus-only keys Quarkus adds. */
    private static Map<String, Object> sasl(String protocol) {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", "127.0.0.1:9");
        kafka.put("security.protocol", protocol);
        kafka.put("sasl.mechanism", "PLAIN");
        kafka.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"aggregator\" password=\"secret\";");
        kafka.put("tls-configuration-name", "kafka-tls");
        kafka.put("group.id", "configured-group");
        return kafka;
    }

    @Test
    void recoveryAdminTakesTheSecuritySettings() {
        Properties p = StateRecovery.adminProperties(sasl("SASL_SSL"));

        assertThat(p)
                .containsEntry("bootstrap.servers", "127.0.0.1:9")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config", sasl("x").get("sasl.jaas.config"))
                .containsEntry("client.id", "greenband-recovery")
                .doesNotContainKey("tls-configuration-name");
        try (Admin admin = Admin.create(StateRecovery.adminProperties(sasl("SASL_PLAINTEXT")))) {
            assertThat(admin).isNotNull();
            admin.close(Duration.ZERO);
        }
    }

    @Test
    void replayConsumerTakesTheSecuritySettingsButNoGroup() {
        Properties p = TopicReplay.consumerProperties(sasl("SASL_SSL"));

        assertThat(p)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsKey("sasl.jaas.config")
                .containsEntry("enable.auto.commit", "false")
                .doesNotContainKeys("group.id", "tls-configuration-name");
        assertThat(p.getProperty("client.id")).startsWith("greenband-replay-");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(
                        TopicReplay.consumerProperties(sasl("SASL_PLAINTEXT")),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            assertThat(consumer.assignment()).isEmpty();
        }
    }
}
