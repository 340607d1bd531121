package io.greenband.cli;

import io.greenband.cli.log.KafkaClientConfig;
import io.greenband.cli.log.KafkaLog;
import io.greenband.events.topic.TopicRegistry;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where a running stack is: Kafka bootstrap servers (and client settings such as SASL/TLS), the
 * topic prefix and (optionally) MongoDB. Defaults come from the same environment variables the
 * services read.
 */
public final class Connection {

    @Option(
            names = "--bootstrap-servers",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description =
                    "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(
            names = "--topic-prefix",
            defaultValue = "${env:GREENBAND_TOPICS_PREFIX:-}",
            description = "Topic name prefix (env GREENBAND_TOPICS_PREFIX; default none).")
    String topicPrefix;

    @Option(
            names = "--kafka-config",
            defaultValue = "${env:GREENBAND_KAFKA_CONFIG}",
            paramLabel = "FILE",
            description =
                    "Kafka client properties (security.protocol, sasl.*, ssl.*, ...) for every client the command "
                            + "opens, as Kafka's tools take them (env GREENBAND_KAFKA_CONFIG).")
    Path kafkaConfig;

    @Option(
            names = "--mongodb",
            defaultValue = "${env:GREENBAND_MONGODB_CONNECTION_STRING}",
            description =
                    "MongoDB connection string of the aggregator's views (env GREENBAND_MONGODB_CONNECTION_STRING).")
    String mongodb;

    @Option(
            names = "--database",
            defaultValue = "greenband",
            description = "MongoDB database (default ${DEFAULT-VALUE}).")
    String database;

    /** Kafka bootstrap servers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The topic registry for the prefix. */
    public TopicRegistry topics() {
        return TopicRegistry.withPrefix(topicPrefix == null ? "" : topicPrefix);
    }

    /** The MongoDB connection string, or null when none was given. */
    public String mongodb() {
        return mongodb == null || mongodb.isBlank() ? null : mongodb;
    }

    /** The MongoDB database name. */
    public String database() {
        return database;
    }

    private Map<String, String> kafkaClientConfig;

    /**
     * The Kafka client settings of {@code --kafka-config} (none without it), read from the file
     * once.
     */
    public Map<String, String> kafkaClientConfig() {
        if (kafkaClientConfig == null) {
            kafkaClientConfig = Map.copyOf(KafkaClientConfig.load(kafkaConfig));
        }
        return kafkaClientConfig;
    }

    /** Opens Kafka clients for this connection. */
    public KafkaLog kafka() {
        return kafka(topics());
    }

    /** Opens Kafka clients for this connection with other topic names. */
    public KafkaLog kafka(TopicRegistry registry) {
        return new KafkaLog(bootstrapServers, registry, kafkaClientConfig());
    }
}
