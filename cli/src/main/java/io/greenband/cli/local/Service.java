package io.greenband.cli.local;

import java.nio.file.Path;
import java.util.List;

/** The four services, each launched from its packaged Quarkus fast-jar, in start order. */
public enum Service {
    /** Publishes energy samples of this machine. */
    ENERGY_MONITOR("energy-monitor", List.of("-Xmx256m")),
    /** Scores trials and keeps fronts. */
    PARETO_AGGREGATOR("pareto-aggregator", List.of("-Xmx512m")),
    /** Trains trials; DJL runs offline on the bundled CPU engine. */
    TRAINER("trainer", List.of("-Xmx2g", "-Dai.djl.offline=true")),
    /** Suggests trials. */
    SUGGESTER("suggester", List.of("-Xmx512m"));

    private final String module;
    private final List<String> jvmArgs;

    Service(String module, List<String> jvmArgs) {
        this.module = module;
        this.jvmArgs = jvmArgs;
    }

    /** The Maven module (folder) that builds it; also the name used for its log file. */
    public String module() {
        return module;
    }

    /** JVM options it is started with. */
    public List<String> jvmArgs() {
        return jvmArgs;
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
        throw new IllegalArgumentException("unknown service '" + name + "'; expected one of "
                + java.util.Arrays.stream(values()).map(Service::module).toList());
    }

    /** The command that builds it. */
    public String buildHint() {
        return "./mvnw -B -q -DskipTests -pl " + module + " -am package";
    }
}
