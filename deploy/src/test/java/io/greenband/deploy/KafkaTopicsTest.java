package io.greenband.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.events.topic.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The KafkaTopic resources are the topic registry of the events module, exactly: the same names
 * (with the prefix the services are given), partitions and topic settings, no topic more or less.
 */
class KafkaTopicsTest {

    /** What a KafkaTopic declares that the registry also knows. */
    record Declared(int partitions, Map<String, String> configs) {}

    /** The registry the rendered services use: the prefix they are given, if any, else none. */
    static TopicRegistry registryOf(Rendered r) {
        var prefixes = new TreeSet<String>();
        for (Rendered.Container c : r.containers()) {
            if (c.service().isPresent()) {
                String prefix = "";
                for (JsonNode env : c.node().path("env")) {
                    if ("GREENBAND_TOPICS_PREFIX".equals(env.path("name").asText())) {
                        prefix = env.path("value").asText();
                    }
                }
                prefixes.add(prefix);
            }
        }
        assertThat(prefixes).as("every service must be given the same topic prefix").hasSize(1);
        return TopicRegistry.withPrefix(prefixes.first());
    }

    static Map<String, Declared> declared(Rendered r) {
        Map<String, Declared> topics = new TreeMap<>();
        for (JsonNode t : r.ofKind("KafkaTopic")) {
            JsonNode spec = t.path("spec");
            String name = spec.path("topicName").asText(t.path("metadata").path("name").asText());
            Map<String, String> configs = new TreeMap<>();
            spec.path("config")
                    .fields()
                    .forEachRemaining(e -> configs.put(e.getKey(), e.getValue().asText()));
            Declared previous =
                    topics.put(name, new Declared(spec.path("partitions").asInt(-1), configs));
            assertThat(previous).as("topic %s declared twice", name).isNull();
        }
        return topics;
    }

    static Map<String, Declared> expected(TopicRegistry registry) {
        Map<String, Declared> topics = new TreeMap<>();
        for (TopicSpec spec : registry.all()) {
            topics.put(
                    spec.name(), new Declared(spec.partitions(), new TreeMap<>(spec.allConfigs())));
        }
        return topics;
    }

    @ParameterizedTest
    @MethodSource("io.greenband.deploy.OverlaysTest#overlays")
    void kafkaTopicsAreTheTopicRegistry(String overlay) {
        Rendered r = Kustomize.render(overlay);
        assertThat(declared(r)).isEqualTo(expected(registryOf(r)));
    }

    @Test
    void aChangedPartitionCountIsDrift() {
        Rendered dev = Kustomize.render("dev");
        JsonNode copy = dev.one("KafkaTopic", "trial-suggested").deepCopy();
        ((ObjectNode) copy.path("spec")).put("partitions", 11);
        List<JsonNode> objects = new ArrayList<>(dev.objects());
        objects.replaceAll(
                o ->
                        o.path("kind").asText().equals("KafkaTopic")
                                        && o.path("metadata")
                                                .path("name")
                                                .asText()
                                                .equals("trial-suggested")
                                ? copy
                                : o);

        assertThat(declared(new Rendered(objects)))
                .isNotEqualTo(expected(registryOf(dev)))
                .containsEntry(
                        "trial-suggested",
                        new Declared(11, Map.of("cleanup.policy", "delete", "retention.ms", "-1")));
    }

    @ParameterizedTest
    @MethodSource("io.greenband.deploy.OverlaysTest#overlays")
    void kafkaTopicsBelongToTheClusterAndAreReplicatedNoMoreThanItHasBrokers(String overlay) {
        Rendered r = Kustomize.render(overlay);
        String cluster = r.ofKind("Kafka").get(0).path("metadata").path("name").asText();
        int brokers = 0;
        for (JsonNode pool : r.ofKind("KafkaNodePool")) {
            assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo(cluster);
            if (pool.path("spec").path("roles").toString().contains("broker")) {
                brokers += pool.path("spec").path("replicas").asInt();
            }
        }
        for (JsonNode t : r.ofKind("KafkaTopic")) {
            String name = t.path("metadata").path("name").asText();
            assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as(name)
                    .isEqualTo(cluster);
            assertThat(t.path("spec").path("replicas").asInt())
                    .as("%s replicas", name)
                    .isBetween(1, brokers);
        }
    }

    @ParameterizedTest
    @MethodSource("io.greenband.deploy.OverlaysTest#overlays")
    void trainersScaleOnTheirLagOfTrialSuggested(String overlay) {
        Rendered r = Kustomize.render(overlay);
        TopicRegistry registry = registryOf(r);
        JsonNode scaled = r.one("ScaledObject", "trainer");
        assertThat(scaled.path("spec").path("scaleTargetRef").path("name").asText())
                .isEqualTo("trainer");
        JsonNode trigger = scaled.path("spec").path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        assertThat(trigger.path("metadata").path("topic").asText())
                .isEqualTo(registry.name(Topic.TRIAL_SUGGESTED));
        // Trainers beyond the partition count would sit idle in the consumer group.
        assertThat(scaled.path("spec").path("maxReplicaCount").asInt())
                .isBetween(1, registry.spec(Topic.TRIAL_SUGGESTED).partitions());
    }
}
