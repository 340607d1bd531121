package io.greenband.energy.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.energy.adapter.messaging.EnergySamplePublisher;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

/**
 * The sample producer is built with every {@code kafka.*} setting of the service, so it reaches a
 * TLS/SASL cluster; its own delivery settings stay. No SASL broker is needed: building a producer
 * connects to nothing.
 */
class EnergySamplePublisherTest {

    private static Map<String, Object> sasl(String protocol) {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", "127.0.0.1:9");
        kafka.put("security.protocol", protocol);
        kafka.put("sasl.mechanism", "PLAIN");
        kafka.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"energy\" password=\"secret\";");
        kafka.put("tls-configuration-name", "kafka-tls");
        // A setting the producer must not let override its own durability.
        kafka.put("acks", "0");
        return kafka;
    }

    @Test
    void producerTakesTheSecuritySettingsAndKeepsItsDelivery() {
        Properties p = EnergySamplePublisher.producerProperties(sasl("SASL_SSL"));

        assertThat(p)
                .containsEntry("bootstrap.servers", "127.0.0.1:9")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config", sasl("x").get("sasl.jaas.config"))
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("client.id", EnergySamplePublisher.CLIENT_ID)
                .doesNotContainKey("tls-configuration-name");
        Producer<String, byte[]> producer =
                EnergySamplePublisher.kafkaProducer(sasl("SASL_PLAINTEXT"));
        try {
            assertThat(producer.metrics()).isNotEmpty();
        } finally {
            producer.close(Duration.ZERO);
        }
    }
}
