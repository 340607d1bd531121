package io.greenband.cli.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The four services, each launched from its packaged Quarkus fast-jar, in start order. */
public enum Service {
    /** Publishes energy samples of this machine. */
    ENERGY_MONITOR("energy-monitor", List.of("-Xmx256m"), Map.of()),
    /** Scores trials and keeps fronts. */
    PARETO_AGGREGATOR("pareto-aggregator", List.of("-Xmx512m"), Map.of()),
    /**
     * Trains trials; DJL runs offline on the bundled CPU engine. A short Kafka session lets a
     * trainer restarted after a crash have its partitions back within seconds instead of the
     * default 45 s. libtorch's OpenMP threads sleep at barriers ({@code OMP_WAIT_POLICY=PASSIVE})
     * rather than spin for a peer that other processes hold off the CPU, so a trial's CPU time, and
     * the energy charged by it, does not grow with the machine's load.
     */
    TRAINER(
            "trainer",
            List.of("-Xmx2g", "-Dai.djl.offline=true"),
            Map.of("KAFKA_SESSION_TIMEOUT_MS", "10000", "OMP_WAIT_POLICY", "PASSIVE")),
    /** Suggests trials. */
    SUGGESTER("suggester", List.of("-Xmx512m"), Map.of());

    private final String module;
    private final List<String> jvmArgs;
    private final Map<String, String> environment;

    Service(String module, List<String> jvmArgs, Map<String, String> environment) {
        this.module = module;
        this.jvmArgs = jvmArgs;
        this.environment = environment;
    }

    /** The Maven module (folder) that builds it; also the name used for its log file. */
    public String module() {
        return module;
    }

    /** JVM options it is started with. */
    public List<String> jvmArgs() {
        return jvmArgs;
    }

    /** Environment of its own, added to what every service gets. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Where the packaged application lies under the project home. */
    public Path jar(Path home) {
        return home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The service named by its module ({@code energy-monitor}) or constant name, any case. */
    public static Service fromName(String name) {
        for (Service s : values()) {
            if (s.module.equalsIgnoreCase(name.trim()) || s.name().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown service '"
                        + name
                        + "'; expected one of "
                        + java.util.Arrays.stream(values()).map(Service::module).toList());
    }

    /** The command that builds it. */
    public String buildHint() {
        return "./mvnw -B -q -DskipTests -pl " + module + " -am package";
    }
}
