package io.greenband.cli.local;

import io.greenband.cli.CliException;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.EmbeddedStackSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one owner of a local run's processes: the embedded broker and store (in this JVM, data under
 * {@code <dataDir>/stack}) and the services (logs under {@code <dataDir>/logs}, trained models
 * under {@code <dataDir>/models}). {@link #supervise} restarts a service that died, at most {@value
 * #MAX_RESTARTS} times each: the services keep their state in Kafka and MongoDB, so a restarted one
 * carries on where the dead one stopped. {@link #close()} stops the services in reverse start order
 * and then the stack; it is idempotent, so the shutdown hook and normal exit may both call it.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * How long a service may report itself DOWN on its liveness probe before it is stopped and
     * restarted.
     */
    static final Duration DOWN_LIMIT = Duration.ofSeconds(10);

    /** How many times one service is restarted after dying before the run gives up. */
    public static final int MAX_RESTARTS = 3;

    /**
     * The database the services keep their views in; the report reads the suggester's importances
     * from it.
     */
    public static final String DATABASE = "greenband";

    private final Path home;
    private final Path dataDir;
    private final Path javaExe;
    private final String bind;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<Service, Integer> restarts = new EnumMap<>(Service.class);

    /** When each running service was first seen reporting itself DOWN on its liveness probe. */
    private final Map<Service, Long> downSince = new EnumMap<>(Service.class);

    private long lastLivenessCheck;
    private Map<String, String> extraEnvironment = Map.of();
    private EmbeddedStack stack;
    private boolean closed;

    /**
     * @param home the project folder holding the service modules' builds
     * @param dataDir the run's data directory
     */
    public LocalStack(Path home, Path dataDir) {
        this(home, dataDir, LocalOptions.DEFAULT_BIND);
    }

    /**
     * @param home the project folder holding the service modules' builds
     * @param dataDir the run's data directory
     * @param bind the address every service's HTTP server (the dashboard's too) listens on
     */
    public LocalStack(Path home, Path dataDir, String bind) {
        this.home = home;
        this.dataDir = dataDir;
        this.bind = bind;
        this.javaExe = Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Starts the embedded stack; ports 0 mean free ones. */
    public synchronized EmbeddedStack startStack(int kafkaPort, int mongoPort) {
        EmbeddedStackSettings.Builder b =
                EmbeddedStack.builder()
                        .optDataDirectory(dataDir.resolve("stack"))
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
        List<String> missing =
                wanted.stream()
                        .filter(s -> !java.nio.file.Files.isRegularFile(s.jar(home)))
                        .map(s -> s.jar(home).toString())
                        .toList();
        if (!missing.isEmpty()) {
            throw CliException.notFound(
                    "not built: "
                            + String.join(", ", missing)
                            + "; build them with `./mvnw -B -q "
                            + "-DskipTests package` in "
                            + home
                            + " (./greenband does it when they are missing)");
        }
    }

    /**
     * Starts the services (all at once, they start faster side by side), then waits for each to be
     * ready.
     *
     * @param extra environment added for every service (settings derived from the study)
     */
    public void startServices(
            List<Service> wanted, Duration readyTimeout, Map<String, String> extra) {
        synchronized (this) {
            extraEnvironment = Map.copyOf(extra);
        }
        for (Service s : wanted) {
            ServiceProcess p = launch(s, false);
            synchronized (this) {
                services.add(p);
            }
        }
        for (ServiceProcess p : services()) {
            p.awaitReady(readyTimeout);
        }
    }

    /**
     * Restarts every service that stopped on its own since the last call, telling {@code notice}
     * about each, and waits for it to be ready. A service that already died {@value #MAX_RESTARTS}
     * times fails the run with its log excerpt instead.
     */
    public void supervise(Duration readyTimeout, Consumer<String> notice) {
        stopUnhealthy(notice);
        for (ServiceProcess dead : services().stream().filter(p -> !p.isAlive()).toList()) {
            synchronized (this) {
                if (closed) {
                    return; // stopped by Ctrl-C, not by a crash
                }
            }
            Service s = dead.service();
            int done = restarts.getOrDefault(s, 0);
            String why = "stopped unexpectedly (exit status " + dead.exitStatus() + ")";
            if (done >= MAX_RESTARTS) {
                throw dead.failure(why + " after " + done + " restarts");
            }
            restarts.put(s, done + 1);
            notice.accept(
                    s.module()
                            + " "
                            + why
                            + "; restarting it ("
                            + (done + 1)
                            + " of "
                            + MAX_RESTARTS
                            + ")");
            ServiceProcess fresh;
            synchronized (this) {
                if (closed) {
                    return;
                }
                fresh = launch(s, true);
                services.set(services.indexOf(dead), fresh);
            }
            fresh.awaitReady(readyTimeout);
            notice.accept(s.module() + " ready again on port " + fresh.httpPort());
        }
    }

    private ServiceProcess launch(Service s, boolean appendLog) {
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>(environment(port));
        env.putAll(s.environment());
        env.putAll(extraEnvironment);
        return ServiceProcess.start(
                s,
                javaExe,
                s.jar(home),
                env,
                dataDir.resolve("logs").resolve(s.module() + ".log"),
                port,
                appendLog);
    }

    /**
     * The environment every service gets: where Kafka and MongoDB are, the topic prefix, its HTTP
     * address and port.
     */
    public Map<String, String> environment(int httpPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        env.put("GREENBAND_TOPICS_PREFIX", stack.topics().prefix());
        env.put("GREENBAND_MONGODB_CONNECTION_STRING", stack.mongoConnectionString());
        env.put("GREENBAND_MONGODB_DATABASE", DATABASE);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        // Services listen on this machine only unless --bind says otherwise; production binds
        // explicitly.
        env.put("QUARKUS_HTTP_HOST", bind);
        env.put("GREENBAND_ENERGY_HTTP_PORT", Integer.toString(httpPort));
        // One monitor on this host publishing every second: a trial's energy is complete a few
        // seconds after it ends.
        env.put("GREENBAND_AGGREGATOR_GRACE_PERIOD", "3s");
        // Saved models let objective producers (e.g. examples/producers/onnx_latency.sh) measure
        // the trained network.
        env.put(
                "GREENBAND_TRAINER_MODELS_DIR",
                dataDir.resolve("models").toAbsolutePath().toString());
        env.put("PYTORCH_VERSION", "2.7.1");
        env.put("PYTORCH_FLAVOR", "cpu");
        // Each service stops when this process is gone, even killed with SIGKILL, so no orphan
        // outlives a run.
        env.put("GREENBAND_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        return env;
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

    /**
     * Stops a running service whose liveness probe has said DOWN (e.g. a consumer stopped or
     * stalled) for {@link #DOWN_LIMIT}, so the restart below takes it up as it would a crash.
     * Probed every few seconds.
     */
    private void stopUnhealthy(Consumer<String> notice) {
        long now = System.nanoTime();
        if (now - lastLivenessCheck < Duration.ofSeconds(3).toNanos()) {
            return;
        }
        lastLivenessCheck = now;
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        for (ServiceProcess p : services()) {
            if (!p.isAlive() || !p.reportsDown()) {
                downSince.remove(p.service());
                continue;
            }
            long since = downSince.computeIfAbsent(p.service(), k -> now);
            if (now - since >= DOWN_LIMIT.toNanos()) {
                downSince.remove(p.service());
                notice.accept(
                        p.service().module()
                                + " reports itself DOWN on /q/health/live; stopping it");
                p.close();
            }
        }
    }
}
