package io.greenband.servicekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * The {@code kafka.*} settings of a TLS/SASL cluster reach a plain client's properties;
 * Quarkus-only keys do not.
 */
class KafkaClientSettingsTest {

    /**
     * What Quarkus collects from {@code KAFKA_*} variables for a SASL_SSL cluster (the {@code
     * gpu-secure} overlay).
     */
    static Map<String, Object> secure() {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", "kafka-bootstrap:9093");
        kafka.put("security.protocol", "SASL_SSL");
        kafka.put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"greenband\" password=\"secret\";");
        kafka.put("ssl.truststore.location", "/etc/kafka/truststore.p12");
        kafka.put("ssl.truststore.type", "PKCS12");
        kafka.put("tls-configuration-name", "kafka-tls");
        kafka.put("devservices.enabled", "false");
        return kafka;
    }

    @Test
    void forClientKeepsSecuritySettingsAndDropsQuarkusKeys() {
        Properties p = KafkaClientSettings.forClient(secure(), "svc-events");

        assertThat(p)
                .containsEntry("bootstrap.servers", "kafka-bootstrap:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", secure().get("sasl.jaas.config"))
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("client.id", "svc-events")
                .doesNotContainKeys("tls-configuration-name", "devservices.enabled");
    }

    @Test
    void onlyKeepsWhatTheClientKnowsSecurityIncluded() {
        Map<String, Object> settings = secure();
        settings.put("acks", "all");

        Map<String, Object> consumer =
                KafkaClientSettings.only(settings, ConsumerConfig.configNames());
        Map<String, Object> producer =
                KafkaClientSettings.only(settings, ProducerConfig.configNames());

        assertThat(consumer)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKeys(
                        "sasl.jaas.config",
                        "ssl.truststore.location",
                        "ssl.truststore.type",
                        "bootstrap.servers")
                .doesNotContainKeys("acks", "tls-configuration-name", "devservices.enabled");
        assertThat(producer)
                .containsEntry("acks", "all")
                .containsEntry("security.protocol", "SASL_SSL");
    }
}
