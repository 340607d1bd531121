package io.greenband.embedded;

import io.greenband.events.topic.TopicRegistry;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * greenband's local stack: a real Apache Kafka broker (KRaft, broker and controller in this JVM)
 * and a MongoDB wire-protocol server with on-disk storage, both on 127.0.0.1, with the topics of a
 * {@link TopicRegistry} created.
 *
 * <pre>{@code
 * try (EmbeddedStack stack = EmbeddedStack.builder().optDataDirectory(dir).start()) {
 *     String kafka = stack.kafkaBootstrapServers();   // 127.0.0.1:<port>
 *     String mongo = stack.mongoConnectionString();   // mongodb://127.0.0.1:<port>
 * }
 * }</pre>
 *
 * A restart on the same data directory keeps Kafka's log (and cluster id) and MongoDB's data.
 * Thread-safe; closing twice is harmless.
 */
public final class EmbeddedStack implements AutoCloseable {

    /**
     * Property naming the Kafka bootstrap servers (what SmallRye Reactive Messaging's Kafka
     * connector reads).
     */
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";

    /** Property naming the MongoDB connection string greenband's services read. */
    public static final String MONGODB_CONNECTION_STRING = "greenband.mongodb.connection-string";

    /** Property naming the topic prefix greenband's services build their topic registry with. */
    public static final String TOPICS_PREFIX = "greenband.topics.prefix";

    /**
     * How often a broker start that lost a chosen free port to another process is tried with fresh
     * ports.
     */
    static final int BIND_ATTEMPTS = 5;

    private final EmbeddedStackSettings settings;
    private final DataDirectory directory;
    private final MongoStore mongo;
    private final KafkaBroker kafka;
    private boolean closed;

    private EmbeddedStack(
            EmbeddedStackSettings settings,
            DataDirectory directory,
            MongoStore mongo,
            KafkaBroker kafka) {
        this.settings = settings;
        this.directory = directory;
        this.mongo = mongo;
        this.kafka = kafka;
    }

    /** A builder of settings; {@link EmbeddedStackSettings.Builder#start()} starts the stack. */
    public static EmbeddedStackSettings.Builder builder() {
        return new EmbeddedStackSettings.Builder();
    }

    /**
     * Starts the broker and the store and creates the topics; returns when clients can use both.
     *
     * @throws EmbeddedStackException naming the port, directory or topic when something cannot
     *     start
     */
    public static EmbeddedStack start(EmbeddedStackSettings settings) {
        Objects.requireNonNull(settings, "settings");
        QuietLogging.apply();
        KafkaExitGuard.install();
        // Fixed ports are checked before anything starts, so a clash leaves nothing half-running.
        int kafkaPort = Ports.resolve("Kafka", settings.kafkaPort(), "optKafkaPort / --kafka-port");
        int controllerPort =
                freeOrFixed(
                        "Kafka controller",
                        settings.controllerPort(),
                        "optControllerPort / --controller-port",
                        kafkaPort);
        if (settings.mongoPort() != 0) {
            Ports.resolve("MongoDB", settings.mongoPort(), "optMongoPort / --mongo-port");
        }
        DataDirectory directory = DataDirectory.open(settings.dataDirectory());
        MongoStore mongo = null;
        KafkaBroker kafka = null;
        try {
            // Port 0 makes the store bind a free port itself and report it: nothing can take it in
            // between.
            mongo =
                    MongoStore.start(
                            directory.mongoStore(), settings.mongoPort(), settings.changeStreams());
            kafka = startKafka(settings, directory, kafkaPort, controllerPort);
            TopicProvisioner.provision(kafka.bootstrapServers(), settings.topics());
            return new EmbeddedStack(settings, directory, mongo, kafka);
        } catch (RuntimeException e) {
            closeAll(kafka, mongo, directory, e);
            throw e;
        }
    }

    /**
     * Starts the broker; a free port chosen here may be taken by another process before the broker
     * binds it, so a bind failure on a port we chose is retried with fresh ones, up to {@value
     * #BIND_ATTEMPTS} times.
     */
    static KafkaBroker startKafka(
            EmbeddedStackSettings settings,
            DataDirectory directory,
            int kafkaPort,
            int controllerPort) {
        boolean chosen = settings.kafkaPort() == 0 || settings.controllerPort() == 0;
        int port = kafkaPort;
        int controller = controllerPort;
        for (int attempt = 1; ; attempt++) {
            try {
                return KafkaBroker.start(
                        directory.kafka(), port, controller, settings.brokerProperties());
            } catch (EmbeddedStackException e) {
                if (!chosen || attempt >= BIND_ATTEMPTS || !Ports.isBindFailure(e)) {
                    throw e;
                }
                if (settings.kafkaPort() == 0) {
                    port = Ports.resolve("Kafka", 0, "optKafkaPort / --kafka-port");
                }
                controller =
                        freeOrFixed(
                                "Kafka controller",
                                settings.controllerPort(),
                                "optControllerPort / --controller-port",
                                port);
            }
        }
    }

    private static int freeOrFixed(String what, int requested, String option, int taken) {
        int port = Ports.resolve(what, requested, option);
        // Two free ports picked one after the other can coincide; pick again until they differ.
        while (requested == 0 && port == taken) {
            port = Ports.resolve(what, 0, option);
        }
        return port;
    }

    /** The Kafka bootstrap address, {@code 127.0.0.1:<port>}. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The MongoDB connection string, {@code mongodb://127.0.0.1:<port>}. */
    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    /**
     * What a client (a service, a test, a child process) needs to use this stack: {@value
     * #KAFKA_BOOTSTRAP_SERVERS}, {@value #MONGODB_CONNECTION_STRING} and {@value #TOPICS_PREFIX}
     * (the prefix of {@link #topics()}).
     */
    public Map<String, String> clientProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers());
        p.put(MONGODB_CONNECTION_STRING, mongoConnectionString());
        p.put(TOPICS_PREFIX, topics().prefix());
        return Collections.unmodifiableMap(p);
    }

    /** The Kafka client port. */
    public int kafkaPort() {
        return kafka.port();
    }

    /** The MongoDB port. */
    public int mongoPort() {
        return mongo.port();
    }

    /** Where the data lives (a temporary directory, deleted on close, when none was given). */
    public Path dataDirectory() {
        return directory.root();
    }

    /** The topics created on start. */
    public TopicRegistry topics() {
        return settings.topics();
    }

    /** The settings it was started with (ports as requested: 0 means a free one was chosen). */
    public EmbeddedStackSettings settings() {
        return settings;
    }

    /**
     * Creates the topics of another registry (e.g. one with a per-test prefix) on this broker;
     * idempotent.
     *
     * @throws EmbeddedStackException of kind {@code TOPICS} when the broker refuses
     */
    public void createTopics(TopicRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(
                        "the stack is closed: start a new one before creating topics");
            }
        }
        TopicProvisioner.provision(kafkaBootstrapServers(), registry);
    }

    /**
     * Sends the records in order, their bytes as they are, and waits for each acknowledgement: how
     * a test puts an encoded event, or a record no codec reads, on a topic of this broker.
     */
    public void send(List<ProducerRecord<String, byte[]>> records) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(r).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EmbeddedStackException.kafka(
                    "interrupted while sending to " + kafkaBootstrapServers(), e);
        } catch (ExecutionException e) {
            throw EmbeddedStackException.kafka(
                    "the broker at "
                            + kafkaBootstrapServers()
                            + " refused a record: "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Whether {@link #close()} has not been called yet. */
    public synchronized boolean isRunning() {
        return !closed;
    }

    /**
     * Stops the broker, then the store (writing its file), then releases (or deletes) the data
     * directory.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeAll(kafka, mongo, directory, null);
    }

    private static void closeAll(
            KafkaBroker kafka,
            MongoStore mongo,
            DataDirectory directory,
            RuntimeException pending) {
        RuntimeException failure = pending;
        for (AutoCloseable part : new AutoCloseable[] {kafka, mongo, directory}) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (pending == null && failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "EmbeddedStack[kafka="
                + kafkaBootstrapServers()
                + ", mongo="
                + mongoConnectionString()
                + ", dir="
                + dataDirectory()
                + "]";
    }
}
