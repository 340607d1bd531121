package io.greenband.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.servicekit.health.HealthStatus;
import io.greenband.servicekit.intake.ConsumerWatch;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code local}'s supervisor restarts a service whose consumer stalled. The service here is a small
 * program in the place of the energy monitor's jar whose one consumer registers with the service
 * kit's {@link ConsumerWatch} and then never polls: after the stall bound its liveness probe says
 * DOWN with the watch's reason, and the supervisor stops it once it has said so for {@link
 * LocalStack#DOWN_LIMIT} and starts a new process, which becomes ready.
 */
class LivenessRestartIT {

    private static final String SOURCE =
            """
            import com.sun.net.httpserver.HttpExchange;
            import com.sun.net.httpserver.HttpServer;
            import io.greenband.servicekit.health.HealthStatus;
            import io.greenband.servicekit.intake.ConsumerWatch;
            import java.net.InetSocketAddress;
            import java.nio.charset.StandardCharsets;
            import java.time.Clock;
            import java.time.Duration;

            public class StallingService {
                public static void main(String[] args) throws Exception {
                    ConsumerWatch watch = new ConsumerWatch(Duration.ofSeconds(2), Clock.systemUTC());
                    watch.started("energy-sample");
                    // The consumer never polls again: it stalls.
                    int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
                    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                    http.createContext("/q/health/ready", x -> reply(x, 200, "{\\"status\\":\\"UP\\"}"));
                    http.createContext("/q/health/live", x -> {
                        HealthStatus s = watch.status();
                        reply(x, s.up() ? 200 : 503, "{\\"status\\":\\"" + (s.up() ? "UP" : "DOWN") + "\\",\\"data\\":\\""
                                + s.data() + "\\"}");
                    });
                    http.start();
                    System.out.println("stalling service on port " + port);
                }

                static void reply(HttpExchange x, int status, String body) throws java.io.IOException {
                    byte[] b = body.getBytes(StandardCharsets.UTF_8);
                    x.sendResponseHeaders(status, b.length);
                    x.getResponseBody().write(b);
                    x.close();
                }
            }
            """;

    @TempDir Path dir;

    @Test
    void aServiceWhoseConsumerStalledIsStoppedAndStartedAgain() throws Exception {
        Path home = dir.resolve("home");
        Path jar = Service.ENERGY_MONITOR.jar(home);
        buildStallingService(jar);
        List<String> notices = new CopyOnWriteArrayList<>();
        try (LocalStack local = new LocalStack(home, dir.resolve("data"))) {
            local.startStack(0, 0);
            local.startServices(List.of(Service.ENERGY_MONITOR), Duration.ofSeconds(60), Map.of());
            ServiceProcess first = local.services().get(0);
            assertThat(first.isAlive()).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (notices.stream().noneMatch(n -> n.contains("ready again"))
                    && System.nanoTime() < deadline) {
                local.supervise(Duration.ofSeconds(60), notices::add);
                Thread.sleep(500);
            }
            assertThat(notices)
                    .as("what the supervisor said")
                    .anySatisfy(
                            n ->
                                    assertThat(n)
                                            .isEqualTo(
                                                    "energy-monitor reports itself DOWN on /q/health/live; stopping it"));
            assertThat(notices)
                    .anySatisfy(
                            n -> assertThat(n).contains("energy-monitor", "restarting it (1 of"));
            assertThat(notices)
                    .anySatisfy(
                            n -> assertThat(n).startsWith("energy-monitor ready again on port"));
            ServiceProcess second = local.services().get(0);
            assertThat(second.pid()).isNotEqualTo(first.pid());
            assertThat(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false))
                    .as("the stalled process is gone")
                    .isFalse();
            assertThat(second.isAlive()).isTrue();
        }
    }

    /**
     * Compiles the stalling service against the service kit and packs it as the energy monitor's
     * jar.
     */
    private void buildStallingService(Path jar) throws Exception {
        Path src = dir.resolve("src/StallingService.java");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, SOURCE);
        Path kit =
                Path.of(
                        ConsumerWatch.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        assertThat(
                        Path.of(
                                HealthStatus.class
                                        .getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .toURI()))
                .isEqualTo(kit);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc =
                javac.run(
                        null,
                        null,
                        null,
                        "-proc:none",
                        "-cp",
                        kit.toString(),
                        "-d",
                        classes.toString(),
                        src.toString());
        assertThat(rc).as("javac exit status").isZero();
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StallingService");
        String kitUrl = kit.toUri().toString();
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, kitUrl);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out, manifest)) {
            try (var files = Files.list(classes)) {
                for (Path c : files.toList()) {
                    j.putNextEntry(new JarEntry(c.getFileName().toString()));
                    j.write(Files.readAllBytes(c));
                    j.closeEntry();
                }
            }
        }
        assertThat(Files.size(jar)).isPositive();
    }
}
