package io.greenband.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.events.topic.TopicSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** The registry's topics exist on the broker with the registry's partitions and settings. */
@EmbeddedStackTest(shared = false)
class TopicsIT {

    EmbeddedStack stack;

    @Test
    void defaultTopicsHaveTheRegistrysPartitionsAndCleanupPolicies() throws Exception {
        assertMatches(stack, stack.topics());
        assertThat(stack.topics().prefix()).isEmpty();
        assertThat(stack.topics().spec(Topic.STUDIES).partitions())
                .isEqualTo(EmbeddedStackSettings.LOCAL_PARTITIONS);
        assertThat(stack.clientProperties())
                .containsExactly(
                        Map.entry("kafka.bootstrap.servers", stack.kafkaBootstrapServers()),
                        Map.entry(
                                "greenband.mongodb.connection-string",
                                stack.mongoConnectionString()),
                        Map.entry("greenband.topics.prefix", ""));
    }

    @Test
    void anotherRegistryIsCreatedIdempotentlyAndGrowsPartitions(EmbeddedStack injected)
            throws Exception {
        assertThat(injected).isSameAs(stack);
        TopicRegistry team =
                TopicRegistry.withPrefix("team-a.")
                        .withPartitions(1)
                        .withPartitions(Topic.TRIAL_SUGGESTED, 4);
        stack.createTopics(team);
        stack.createTopics(team);
        assertMatches(stack, team);

        TopicRegistry grown = team.withPartitions(Topic.ENERGY_SAMPLE, 2);
        stack.createTopics(grown);
        assertMatches(stack, grown);
    }

    static void assertMatches(EmbeddedStack stack, TopicRegistry registry) throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                stack.kafkaBootstrapServers()))) {
            List<String> names = registry.all().stream().map(TopicSpec::name).toList();
            Map<String, TopicDescription> described =
                    admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            List<ConfigResource> resources =
                    names.stream()
                            .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                            .toList();
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            for (TopicSpec spec : registry.all()) {
                assertThat(described.get(spec.name()).partitions())
                        .as("partitions of %s", spec.name())
                        .hasSize(spec.partitions());
                Config config =
                        configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
                spec.allConfigs()
                        .forEach(
                                (key, value) ->
                                        assertThat(config.get(key).value())
                                                .as("%s of %s", key, spec.name())
                                                .isEqualTo(value));
            }
            assertThat(registry.spec(Topic.STUDIES).cleanupPolicy()).isEqualTo("compact");
            // Kafka is the source of truth: the broker keeps studies (compacted) and scores
            // forever.
            Config studies =
                    configs.get(
                            new ConfigResource(
                                    ConfigResource.Type.TOPIC, registry.name(Topic.STUDIES)));
            assertThat(studies.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(studies.get("retention.ms").value()).isEqualTo("-1");
            Config scored =
                    configs.get(
                            new ConfigResource(
                                    ConfigResource.Type.TOPIC, registry.name(Topic.TRIAL_SCORED)));
            assertThat(scored.get("retention.ms").value()).isEqualTo("-1");
            Config samples =
                    configs.get(
                            new ConfigResource(
                                    ConfigResource.Type.TOPIC, registry.name(Topic.ENERGY_SAMPLE)));
            assertThat(samples.get("retention.ms").value())
                    .isEqualTo(Long.toString(TopicRegistry.MEASUREMENT_RETENTION_MS));
        }
    }
}
