package io.greenband.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * The Quarkus test resource, driven the way Quarkus drives it: init, start, read the properties,
 * stop.
 */
class EmbeddedStackResourceIT {

    @Test
    void sharedResourcesGetTheirOwnPrefixOnOneBroker() throws Exception {
        EmbeddedStackResource first = new EmbeddedStackResource();
        EmbeddedStackResource second = new EmbeddedStackResource();
        first.init(Map.of());
        second.init(
                Map.of(
                        EmbeddedStackResource.ARG_TOPICS_PREFIX,
                        "svc.",
                        EmbeddedStackResource.ARG_PARTITIONS,
                        "2"));
        Map<String, String> a = first.start();
        Map<String, String> b = second.start();
        try {
            assertThat(a)
                    .containsOnlyKeys(
                            "kafka.bootstrap.servers",
                            "greenband.mongodb.connection-string",
                            "greenband.topics.prefix");
            assertThat(a.get("kafka.bootstrap.servers"))
                    .isEqualTo(b.get("kafka.bootstrap.servers"))
                    .isEqualTo(SharedEmbeddedStack.get().kafkaBootstrapServers());
            assertThat(a.get("greenband.mongodb.connection-string"))
                    .startsWith("mongodb://127.0.0.1:");
            assertThat(a.get("greenband.topics.prefix"))
                    .startsWith("test")
                    .isNotEqualTo(b.get("greenband.topics.prefix"));
            assertThat(b.get("greenband.topics.prefix")).isEqualTo("svc.");
            try (Admin admin =
                    Admin.create(
                            Map.of(
                                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    a.get("kafka.bootstrap.servers")))) {
                Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(names)
                        .contains(
                                a.get("greenband.topics.prefix") + "trial-scored",
                                "svc.trial-scored");
                assertThat(
                                admin.describeTopics(Set.of("svc.studies"))
                                        .allTopicNames()
                                        .get(30, TimeUnit.SECONDS)
                                        .get("svc.studies")
                                        .partitions())
                        .hasSize(2);
            }
        } finally {
            first.stop();
            second.stop();
        }
        assertThat(SharedEmbeddedStack.get().isRunning()).isTrue();
    }

    @Test
    void anOwnStackStopsWithTheResource() {
        EmbeddedStackResource own = new EmbeddedStackResource();
        own.init(
                Map.of(
                        EmbeddedStackResource.ARG_SHARED,
                        "false",
                        EmbeddedStackResource.ARG_TOPICS_PREFIX,
                        ""));
        Map<String, String> props = own.start();
        assertThat(props.get("kafka.bootstrap.servers"))
                .isNotEqualTo(SharedEmbeddedStack.get().kafkaBootstrapServers());
        assertThat(props).containsEntry("greenband.topics.prefix", "");
        own.stop();
        assertThat(
                        Ports.resolve(
                                "Kafka",
                                Integer.parseInt(
                                        props.get("kafka.bootstrap.servers").split(":")[1]),
                                "-"))
                .as("the own stack's port is free again")
                .isPositive();
    }

    @Test
    void changeStreamsNeedAnOwnStack() {
        EmbeddedStackResource sharedWithStreams = new EmbeddedStackResource();
        assertThatThrownBy(
                        () ->
                                sharedWithStreams.init(
                                        Map.of(EmbeddedStackResource.ARG_CHANGE_STREAMS, "true")))
                .hasMessageContaining("change-streams=true needs shared=false");
        EmbeddedStackResource own = new EmbeddedStackResource();
        own.init(
                Map.of(
                        EmbeddedStackResource.ARG_SHARED,
                        "false",
                        EmbeddedStackResource.ARG_CHANGE_STREAMS,
                        "true"));
        Map<String, String> props = own.start();
        try (MongoClient client =
                MongoClients.create(props.get("greenband.mongodb.connection-string"))) {
            // The server creates its oplog collection when the oplog is turned on.
            assertThat(client.getDatabase("local").listCollectionNames()).contains("oplog.rs");
        } finally {
            own.stop();
        }
    }
}
