package io.greenband.cli.local;

import io.greenband.cli.CliException;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.EmbeddedStackSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one owner of a local run's processes: the embedded broker and store (in this JVM, data under
 * {@code <dataDir>/stack}) and the services (logs under {@code <dataDir>/logs}). {@link #close()} stops the services
 * in reverse start order and then the stack; it is idempotent, so the shutdown hook and normal exit may both call it.
 */
public final class LocalStack implements AutoCloseable {

    private final Path home;
    private final Path dataDir;
    private final Path javaExe;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedStack stack;
    private boolean closed;

    /**
     * @param home    the project folder holding the service modules' builds
     * @param dataDir the run's data directory
     */
    public LocalStack(Path home, Path dataDir) {
        this.home = home;
        this.dataDir = dataDir;
        this.javaExe = Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Starts the embedded stack; ports 0 mean free ones. */
    public synchronized EmbeddedStack startStack(int kafkaPort, int mongoPort) {
        EmbeddedStackSettings.Builder b = EmbeddedStack.builder().optDataDirectory(dataDir.resolve("stack"))
                .optTopics(EmbeddedStackSettings.localTopics());
        if (kafkaPort > 0) {
            b.optKafkaPort(kafkaPort);
        }
        if (mongoPort > 0) {
            b.optMongoPort(mongoPort);
        }
        stack = b.start();
        return stack;
    }

    /** Checks that every service is built, before anything starts. */
    public void checkBuilt(List<Service> wanted) {
        List<String> missing = wanted.stream().filter(s -> !java.nio.file.Files.isRegularFile(s.jar(home)))
                .map(s -> s.jar(home).toString()).toList();
        if (!missing.isEmpty()) {
            throw CliException.notFound("not built: " + String.join(", ", missing) + "; build them with `./mvnw -B -q "
                    + "-DskipTests package` in " + home + " (./greenband does it when they are missing)");
        }
    }

    /** Starts the services (all at once, they start faster side by side), then waits for each to be ready. */
    public void startServices(List<Service> wanted, Duration readyTimeout) {
        for (Service s : wanted) {
            int port = freePort();
            ServiceProcess p = ServiceProcess.start(s, javaExe, s.jar(home), environment(port),
                    dataDir.resolve("logs").resolve(s.module() + ".log"), port);
            synchronized (this) {
                services.add(p);
            }
        }
        for (ServiceProcess p : List.copyOf(services)) {
            p.awaitReady(readyTimeout);
        }
    }

    /** The environment every service gets: where Kafka and MongoDB are, the topic prefix and its HTTP port. */
    public Map<String, String> environment(int httpPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        env.put("GREENBAND_TOPICS_PREFIX", stack.topics().prefix());
        env.put("GREENBAND_MONGODB_CONNECTION_STRING", stack.mongoConnectionString());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("GREENBAND_ENERGY_HTTP_PORT", Integer.toString(httpPort));
        // One monitor on this host publishing every second: a trial's energy is complete a few seconds after it ends.
        env.put("GREENBAND_AGGREGATOR_GRACE_PERIOD", "3s");
        env.put("PYTORCH_VERSION", "2.7.1");
        env.put("PYTORCH_FLAVOR", "cpu");
        return env;
    }

    /** A service that stopped on its own, if any. */
    public synchronized Optional<ServiceProcess> deadService() {
        return services.stream().filter(p -> !p.isAlive()).findFirst();
    }

    /** The running services. */
    public synchronized List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** The stack, once started. */
    public synchronized EmbeddedStack stack() {
        return stack;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** A port free right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw CliException.stack("no free TCP port: " + e.getMessage(), e);
        }
    }
}
