package io.greenband.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EmbeddedStackMain} in a child JVM: prints usable addresses, and stops cleanly so its data
 * can be reopened.
 */
class EmbeddedStackProcessIT {

    @Test
    void childJvmServesBothAndReleasesItsDirectoryOnClose(@TempDir Path dir) throws Exception {
        String bootstrap;
        // C1 only and the serial collector: a short-lived child JVM starts faster on a busy 2-core
        // machine.
        try (EmbeddedStackProcess child =
                EmbeddedStackProcess.start(
                        List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                        List.of(
                                "--data-dir",
                                dir.toString(),
                                "--topic-prefix",
                                "cli.",
                                "--partitions",
                                "1"))) {
            bootstrap = child.kafkaBootstrapServers();
            assertThat(bootstrap).startsWith("127.0.0.1:");
            assertThat(child.mongoConnectionString()).startsWith("mongodb://127.0.0.1:");
            assertThat(child.topicsPrefix()).isEqualTo("cli.");
            assertThat(child.properties())
                    .containsEntry("greenband.topics.prefix", "cli.")
                    .containsEntry(
                            "greenband.embedded.data-directory", dir.toAbsolutePath().toString());
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(names).contains("cli.trial-suggested", "cli.studies", "cli.dead-letter");
            }
            try (MongoClient client = MongoClients.create(child.mongoConnectionString())) {
                client.getDatabase("greenband")
                        .getCollection("runs")
                        .insertOne(new Document("_id", "run-1"));
            }
            assertThat(child.isAlive()).isTrue();
            child.close();
            assertThat(child.isAlive()).isFalse();
        }
        try (EmbeddedStack reopened =
                        EmbeddedStack.builder()
                                .optDataDirectory(dir)
                                .optTopics(TopicRegistry.withPrefix("cli.").withPartitions(1))
                                .start();
                MongoClient client = MongoClients.create(reopened.mongoConnectionString())) {
            assertThat(client.getDatabase("greenband").getCollection("runs").countDocuments())
                    .isEqualTo(1);
            assertThat(reopened.topics().name(Topic.STUDIES)).isEqualTo("cli.studies");
        }
    }
}
