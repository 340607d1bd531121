package io.greenband.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * One Apache Kafka node in KRaft combined mode (broker and controller in this JVM), storing its log
 * under a directory. The storage is formatted once; later starts reuse the log and its cluster id.
 */
final class KafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final int port;

    private KafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** The broker settings for one local node; {@code overrides} win over our defaults. */
    static Properties properties(
            Path kafkaDir, int port, int controllerPort, Map<String, String> overrides) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        // Static voters, not a dynamic quorum: the controller's port may change between restarts.
        p.setProperty(
                "controller.quorum.voters", NODE_ID + "@" + Ports.LOOPBACK + ":" + controllerPort);
        p.setProperty(
                "listeners",
                "PLAINTEXT://"
                        + Ports.LOOPBACK
                        + ":"
                        + port
                        + ",CONTROLLER://"
                        + Ports.LOOPBACK
                        + ":"
                        + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", kafkaDir.resolve("logs").toString());
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Topics come from the registry, as in production; a typo then fails instead of creating a
        // topic.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        // Small thread pools and cleaner buffer: the stack shares small machines with builds and
        // services.
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("log.cleaner.threads", "1");
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        overrides.forEach(p::setProperty);
        return p;
    }

    /** Formats the storage when it is new, then starts the node; returns once it serves clients. */
    static KafkaBroker start(
            Path kafkaDir, int port, int controllerPort, Map<String, String> overrides) {
        Properties props = properties(kafkaDir, port, controllerPort, overrides);
        Path propertiesFile = kafkaDir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(propertiesFile, StandardCharsets.UTF_8)) {
            props.store(out, "written by greenband's embedded stack on every start");
        } catch (IOException e) {
            throw EmbeddedStackException.dataDirectory(
                    "cannot write " + propertiesFile + ": " + e, e);
        }
        if (!Files.exists(kafkaDir.resolve("logs").resolve("meta.properties"))) {
            format(propertiesFile);
        }
        KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        } catch (RuntimeException e) {
            throw EmbeddedStackException.kafka(
                    "invalid Kafka broker settings: "
                            + e.getMessage()
                            + "; check the properties given with optBrokerProperty",
                    e);
        }
        try {
            server.startup();
        } catch (RuntimeException e) {
            shutdown(server);
            throw EmbeddedStackException.kafka(
                    "Kafka broker failed to start on port "
                            + port
                            + " with its log in "
                            + kafkaDir.resolve("logs")
                            + ": "
                            + e.getMessage(),
                    e);
        }
        return new KafkaBroker(server, port);
    }

    private static void format(Path propertiesFile) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String[] args = {
            "format",
            "--cluster-id",
            Uuid.randomUuid().toString(),
            "--config",
            propertiesFile.toString(),
            "--ignore-formatted"
        };
        int rc;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(args, out);
        } catch (Exception e) {
            throw EmbeddedStackException.kafka(
                    "formatting Kafka storage failed: "
                            + e.getMessage()
                            + "; delete the data directory's kafka/ folder if it holds a broken or foreign log",
                    e);
        }
        if (rc != 0) {
            throw EmbeddedStackException.kafka(
                    "formatting Kafka storage failed (exit "
                            + rc
                            + "): "
                            + captured.toString(StandardCharsets.UTF_8).trim(),
                    null);
        }
    }

    /** The bootstrap address for clients. */
    String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    /** The client port. */
    int port() {
        return port;
    }

    /** Stops the node and waits until its log is closed. */
    @Override
    public void close() {
        shutdown(server);
    }

    private static void shutdown(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            throw EmbeddedStackException.kafka(
                    "Kafka broker failed to stop cleanly: " + e.getMessage(), e);
        }
    }
}
