package io.greenband.embedded;

import io.greenband.events.topic.TopicRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an {@link EmbeddedStack} starts with. Immutable; made by {@link EmbeddedStack#builder()}.
 *
 * @param dataDirectory where Kafka's log and MongoDB's store live; empty for a temporary directory
 *     that is deleted on close
 * @param topics the topics created on start
 * @param kafkaPort the Kafka client port, 0 for a free one
 * @param controllerPort the KRaft controller port, 0 for a free one
 * @param mongoPort the MongoDB port, 0 for a free one
 * @param brokerProperties extra or overriding Kafka broker settings
 * @param changeStreams whether the MongoDB server keeps an oplog so that change streams work (off
 *     by default: it writes every change a second time and keeps it forever)
 */
public record EmbeddedStackSettings(
        Optional<Path> dataDirectory,
        TopicRegistry topics,
        int kafkaPort,
        int controllerPort,
        int mongoPort,
        Map<String, String> brokerProperties,
        boolean changeStreams) {

    /**
     * Partitions of every topic in the local stack: enough for a few trainers in one group, cheap
     * to create.
     */
    public static final int LOCAL_PARTITIONS = 3;

    /** Checks the ports and copies the map. */
    public EmbeddedStackSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(topics, "topics");
        checkPort("kafkaPort", kafkaPort);
        checkPort("controllerPort", controllerPort);
        checkPort("mongoPort", mongoPort);
        brokerProperties = Map.copyOf(brokerProperties);
    }

    private static void checkPort(String field, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(
                    field + " must be 0 (a free port) or 1..65535, got " + port);
        }
    }

    /**
     * The topics of a local stack when none are given: no prefix, {@link #LOCAL_PARTITIONS}
     * partitions each.
     */
    public static TopicRegistry localTopics() {
        return TopicRegistry.defaults().withPartitions(LOCAL_PARTITIONS);
    }

    /** Builds {@link EmbeddedStackSettings}: every value is optional. */
    public static final class Builder {
        private Path dataDirectory;
        private TopicRegistry topics = localTopics();
        private int kafkaPort;
        private int controllerPort;
        private int mongoPort;
        private final Map<String, String> brokerProperties = new TreeMap<>();
        private boolean changeStreams;

        Builder() {}

        /**
         * Keeps data in {@code directory} (created if missing) so a restart finds it; default: a
         * temp dir.
         */
        public Builder optDataDirectory(Path directory) {
            this.dataDirectory = Objects.requireNonNull(directory, "dataDirectory");
            return this;
        }

        /** The topics to create; default {@link #localTopics()}. */
        public Builder optTopics(TopicRegistry registry) {
            this.topics = Objects.requireNonNull(registry, "topics");
            return this;
        }

        /** A fixed Kafka client port; default a free one. */
        public Builder optKafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        /** A fixed KRaft controller port; default a free one. */
        public Builder optControllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /** A fixed MongoDB port; default a free one. */
        public Builder optMongoPort(int port) {
            this.mongoPort = port;
            return this;
        }

        /** Sets or overrides one Kafka broker setting (e.g. {@code auto.create.topics.enable}). */
        public Builder optBrokerProperty(String key, String value) {
            brokerProperties.put(
                    Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Turns the MongoDB server's oplog on, so that change streams ({@code collection.watch()})
         * see writes; default off. The oplog writes every change a second time (about 15% of the
         * CPU of the aggregator's sample ingest) and is never trimmed, and no greenband service
         * reads change streams.
         */
        public Builder optChangeStreams(boolean on) {
            this.changeStreams = on;
            return this;
        }

        /** The settings; fails naming the field when a port is out of range. */
        public EmbeddedStackSettings build() {
            if (kafkaPort != 0 && (kafkaPort == mongoPort || kafkaPort == controllerPort)
                    || mongoPort != 0 && mongoPort == controllerPort) {
                throw new IllegalArgumentException(
                        "kafkaPort, controllerPort and mongoPort must differ, got "
                                + kafkaPort
                                + ", "
                                + controllerPort
                                + ", "
                                + mongoPort);
            }
            return new EmbeddedStackSettings(
                    Optional.ofNullable(dataDirectory),
                    topics,
                    kafkaPort,
                    controllerPort,
                    mongoPort,
                    brokerProperties,
                    changeStreams);
        }

        /** Builds the settings and starts the stack: {@code EmbeddedStack.builder().start()}. */
        public EmbeddedStack start() {
            return EmbeddedStack.start(build());
        }
    }
}
