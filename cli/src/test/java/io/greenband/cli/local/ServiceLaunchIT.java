package io.greenband.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.cli.CliException;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged energy-monitor as `greenband local` does: once healthy, once on a port that
 * is taken.
 */
@EmbeddedStackTest
class ServiceLaunchIT {

    static final Path HOME = Path.of(System.getProperty("greenband.home"));
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    EmbeddedStack stack;

    @TempDir Path dir;

    private Map<String, String> env(int port) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                stack.kafkaBootstrapServers(),
                "GREENBAND_TOPICS_PREFIX",
                "launch.",
                "GREENBAND_MONGODB_CONNECTION_STRING",
                stack.mongoConnectionString(),
                "QUARKUS_HTTP_PORT",
                Integer.toString(port),
                "GREENBAND_ENERGY_HTTP_PORT",
                Integer.toString(port));
    }

    @Test
    void packagedServiceBecomesReady() {
        int port = LocalStack.freePort();
        Path log = dir.resolve("logs/energy-monitor.log");
        try (ServiceProcess p =
                ServiceProcess.start(
                        Service.ENERGY_MONITOR,
                        JAVA,
                        Service.ENERGY_MONITOR.jar(HOME),
                        env(port),
                        log,
                        port)) {
            p.awaitReady(Duration.ofSeconds(90));
            assertThat(p.isAlive()).isTrue();
        }
        assertThat(log).isNotEmptyFile();
    }

    @Test
    void serviceThatCannotStartShowsItsLog() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            int port = taken.getLocalPort();
            Path log = dir.resolve("logs/energy-monitor.log");
            try (ServiceProcess p =
                    ServiceProcess.start(
                            Service.ENERGY_MONITOR,
                            JAVA,
                            Service.ENERGY_MONITOR.jar(HOME),
                            env(port),
                            log,
                            port)) {
                assertThatThrownBy(() -> p.awaitReady(Duration.ofSeconds(90)))
                        .isInstanceOf(CliException.class)
                        .satisfies(
                                e -> {
                                    CliException c = (CliException) e;
                                    assertThat(c.kind()).isEqualTo(CliException.Kind.SERVICE);
                                    List<String> lines = Files.readAllLines(log);
                                    assertThat(lines).isNotEmpty();
                                    assertThat(c.getMessage())
                                            .contains("energy-monitor exited with status")
                                            .contains("last lines of " + log)
                                            .contains(lines.get(lines.size() - 1).strip());
                                    assertThat(String.join("\n", lines))
                                            .containsIgnoringCase("port");
                                });
            }
        }
    }

    @Test
    void missingArtifactNamesTheBuildCommand() {
        assertThatThrownBy(
                        () ->
                                ServiceProcess.start(
                                        Service.TRAINER,
                                        JAVA,
                                        Service.TRAINER.jar(dir),
                                        env(1),
                                        dir.resolve("t.log"),
                                        1))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("-pl trainer -am package");
    }
}
