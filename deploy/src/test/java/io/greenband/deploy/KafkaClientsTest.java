package io.greenband.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Kafka client (the services and KEDA) points at a listener the Kafka has, with that
 * listener's security.
 */
class KafkaClientsTest {

    private static Map<String, JsonNode> env(Rendered.Container c) {
        Map<String, JsonNode> env = new HashMap<>();
        c.node().path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    private static JsonNode listenerFor(Rendered r, String bootstrap) {
        String cluster = r.ofKind("Kafka").get(0).path("metadata").path("name").asText();
        String namespace = r.ofKind("Kafka").get(0).path("metadata").path("namespace").asText();
        String host = bootstrap.substring(0, bootstrap.lastIndexOf(':'));
        assertThat(host)
                .as(bootstrap)
                .isIn(
                        cluster + "-kafka-bootstrap",
                        cluster + "-kafka-bootstrap." + namespace + ".svc");
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        for (JsonNode l : r.ofKind("Kafka").get(0).path("spec").path("kafka").path("listeners")) {
            if (l.path("port").asInt() == port) {
                return l;
            }
        }
        throw new AssertionError("no Kafka listener on port " + port + " for " + bootstrap);
    }

    @ParameterizedTest
    @MethodSource("io.greenband.deploy.OverlaysTest#overlays")
    void servicesUseAListenerAndItsSecurity(String overlay) {
        Rendered r = Kustomize.render(overlay);
        for (String service : Repository.SERVICES) {
            Rendered.Container c = r.container(service);
            Map<String, JsonNode> env = env(c);
            JsonNode listener =
                    listenerFor(r, env.get("KAFKA_BOOTSTRAP_SERVERS").path("value").asText());
            if (!listener.path("tls").asBoolean(false)) {
                assertThat(env).as(service).doesNotContainKey("KAFKA_SECURITY_PROTOCOL");
                continue;
            }
            assertThat(env.get("KAFKA_SECURITY_PROTOCOL").path("value").asText())
                    .as(service)
                    .isEqualTo("SASL_SSL");
            assertThat(env.get("KAFKA_SASL_MECHANISM").path("value").asText())
                    .as(service)
                    .isEqualTo("SCRAM-SHA-512");
            JsonNode jaas =
                    env.get("KAFKA_SASL_JAAS_CONFIG").path("valueFrom").path("secretKeyRef");
            assertThat(jaas.path("name").asText())
                    .as("%s logs in as its own KafkaUser", service)
                    .isEqualTo("greenband-" + service);
            r.one("KafkaUser", "greenband-" + service);
            String trustStore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION").path("value").asText();
            assertThat(c.node().path("volumeMounts").toString())
                    .as(service)
                    .contains(trustStore.substring(0, trustStore.lastIndexOf('/')));
        }
    }

    @ParameterizedTest
    @MethodSource("io.greenband.deploy.OverlaysTest#overlays")
    void kedaReadsTheLagThroughAListenerItCanLogInTo(String overlay) {
        Rendered r = Kustomize.render(overlay);
        JsonNode trigger = r.one("ScaledObject", "trainer").path("spec").path("triggers").get(0);
        JsonNode listener =
                listenerFor(r, trigger.path("metadata").path("bootstrapServers").asText());
        if (listener.path("tls").asBoolean(false)) {
            String auth = trigger.path("authenticationRef").path("name").asText();
            JsonNode refs =
                    r.one("TriggerAuthentication", auth).path("spec").path("secretTargetRef");
            assertThat(refs.toString())
                    .contains("\"sasl\"", "\"username\"", "\"password\"", "\"ca\"");
        } else {
            assertThat(trigger.has("authenticationRef")).isFalse();
        }
    }

    @Test
    void theSecureOverlayHasNoPlainListener() {
        JsonNode listeners =
                Kustomize.render("gpu-secure")
                        .ofKind("Kafka")
                        .get(0)
                        .path("spec")
                        .path("kafka")
                        .path("listeners");
        assertThat(listeners)
                .isNotEmpty()
                .allSatisfy(
                        l -> {
                            assertThat(l.path("tls").asBoolean(false)).isTrue();
                            assertThat(l.path("authentication").path("type").asText())
                                    .isEqualTo("scram-sha-512");
                        });
    }
}
