package io.greenband.cli.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of a local run, shared by {@code local} and {@code optimize}. */
public final class LocalOptions {

    /** Default seconds to wait for each service's readiness. */
    public static final int DEFAULT_READY_SECONDS = 120;

    /**
     * Where local services listen unless told otherwise: the loopback interface, nothing open to
     * the network.
     */
    public static final String DEFAULT_BIND = "127.0.0.1";

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Run data (stack, logs, report); default .greenband/<studyId>.")
    Path dataDir;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description =
                    "The project folder holding the built services (default: GREENBAND_HOME or the current folder).")
    Path home;

    @Option(
            names = "--kafka-port",
            defaultValue = "0",
            description = "Kafka port (default: a free one).")
    int kafkaPort;

    @Option(
            names = "--mongo-port",
            defaultValue = "0",
            description = "MongoDB port (default: a free one).")
    int mongoPort;

    @Option(
            names = "--ready-timeout",
            defaultValue = "" + DEFAULT_READY_SECONDS,
            paramLabel = "SECONDS",
            description =
                    "How long each service may take to become ready (default ${DEFAULT-VALUE}).")
    int readySeconds;

    @Option(
            names = "--services",
            split = ",",
            paramLabel = "SERVICE",
            description =
                    "Services to launch (default all: energy-monitor, pareto-aggregator, trainer, suggester).")
    List<Service> services;

    @Option(
            names = "--bind",
            defaultValue = DEFAULT_BIND,
            paramLabel = "ADDRESS",
            description =
                    "Address the services and the dashboard listen on (default ${DEFAULT-VALUE}: this machine "
                            + "only; 0.0.0.0 opens them to the network).")
    String bind;

    @Option(
            names = "--programs",
            paramLabel = "FILE",
            description =
                    "Program registry (YAML/JSON) for the trainer: the programs a command-backend study may name "
                            + "in workload.program; see docs/trainer.md.")
    Path programs;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "HTML report path (default <data-dir>/report.html).")
    Path report;

    /** The data directory for a study. */
    public Path dataDir(String studyId) {
        return dataDir != null ? dataDir : Path.of(".greenband", studyId);
    }

    /** The project folder. */
    public Path home() {
        return homeOr(home);
    }

    /**
     * The project folder given with a {@code --home} option, or {@link #defaultHome()} when none
     * was.
     */
    public static Path homeOr(Path given) {
        return given != null ? given.toAbsolutePath().normalize() : defaultHome();
    }

    /**
     * The project folder when none is given: GREENBAND_HOME (the launcher sets it), else the
     * current folder.
     */
    public static Path defaultHome() {
        String prop = System.getProperty("greenband.home", System.getenv("GREENBAND_HOME"));
        return Path.of(prop == null || prop.isBlank() ? "." : prop).toAbsolutePath().normalize();
    }

    /** Services to launch. */
    public List<Service> services() {
        return services == null || services.isEmpty() ? List.of(Service.values()) : services;
    }

    /** The address services listen on. */
    public String bind() {
        return bind == null || bind.isBlank() ? DEFAULT_BIND : bind.strip();
    }

    /** The program registry file given with {@code --programs}, or null. */
    public Path programs() {
        return programs;
    }

    /** Readiness timeout per service. */
    public Duration readyTimeout() {
        return Duration.ofSeconds(readySeconds);
    }
}
