package io.greenband.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.greenband.events.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes to MongoDB and Kafka, stops the stack, starts a new one on the same directory and the same
 * (now fixed) ports, and checks that both survived: two starts for the whole class.
 */
class RestartKeepsDataIT {

    @TempDir static Path dir;

    static EmbeddedStack restarted;
    static String clusterIdBefore;
    static String topic;
    static String payload;

    @BeforeAll
    static void writeStopAndRestart() throws Exception {
        int kafkaPort;
        int mongoPort;
        try (EmbeddedStack first = EmbeddedStack.builder().optDataDirectory(dir).start()) {
            try (MongoClient client = MongoClients.create(first.mongoConnectionString())) {
                collection(client)
                        .insertOne(
                                new Document("_id", "study-1")
                                        .append("seed", 42L)
                                        .append("name", "dsnn"));
            }
            topic = first.topics().name(Topic.TRIAL_FINISHED);
            payload = "{\"trialId\":\"t-1\",\"status\":\"SUCCEEDED\"}";
            try (KafkaProducer<String, byte[]> producer = KafkaTestClients.producer(first)) {
                producer.send(
                                new ProducerRecord<>(
                                        topic, "study-1", payload.getBytes(StandardCharsets.UTF_8)))
                        .get(30, TimeUnit.SECONDS);
            }
            clusterIdBefore = clusterId();
            kafkaPort = first.kafkaPort();
            mongoPort = first.mongoPort();
        }
        // The same ports as fixed ones: close must have released them.
        restarted =
                EmbeddedStack.builder()
                        .optDataDirectory(dir)
                        .optKafkaPort(kafkaPort)
                        .optMongoPort(mongoPort)
                        .start();
    }

    @AfterAll
    static void stop() {
        if (restarted != null) {
            restarted.close();
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("greenband").getCollection("studies");
    }

    private static String clusterId() throws Exception {
        Properties meta = new Properties();
        try (var in = Files.newInputStream(dir.resolve("kafka/logs/meta.properties"))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }

    @Test
    void mongoDocumentSurvivesRestart() {
        try (MongoClient client = MongoClients.create(restarted.mongoConnectionString())) {
            Document read = collection(client).find(new Document("_id", "study-1")).first();
            assertThat(read).isNotNull();
            assertThat(read.getLong("seed")).isEqualTo(42L);
            assertThat(read.getString("name")).isEqualTo("dsnn");
        }
    }

    @Test
    void kafkaRecordSurvivesRestartWithTheSameCluster() throws Exception {
        assertThat(clusterId()).isEqualTo(clusterIdBefore).isNotBlank();
        List<ConsumerRecord<String, byte[]>> read =
                KafkaTestClients.readUntil(
                        restarted, topic, "restart-check", records -> !records.isEmpty());
        assertThat(read).hasSize(1);
        assertThat(read.get(0).key()).isEqualTo("study-1");
        assertThat(new String(read.get(0).value(), StandardCharsets.UTF_8)).isEqualTo(payload);
    }
}
