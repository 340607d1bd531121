package io.greenband.cli.local;

import io.greenband.cli.CliException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a child JVM with its output in a log file. {@link #awaitReady} polls
 * {@code /q/health/ready}; any failure carries the last lines of the log, which is what tells a
 * user why.
 */
public final class ServiceProcess implements AutoCloseable {

    /** How many log lines a failure shows. */
    public static final int EXCERPT_LINES = 25;

    private final Service service;
    private final Process process;
    private final Path log;
    private final int httpPort;

    private ServiceProcess(Service service, Process process, Path log, int httpPort) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /**
     * Starts {@code java -jar <jar>} with {@code env} added to this process's environment.
     *
     * @param java the java executable
     * @param jar the service's quarkus-run.jar
     * @param env KAFKA_BOOTSTRAP_SERVERS, QUARKUS_HTTP_PORT...
     * @param log file receiving stdout and stderr (replaced)
     * @param httpPort the port it serves health on
     */
    public static ServiceProcess start(
            Service service, Path java, Path jar, Map<String, String> env, Path log, int httpPort) {
        return start(service, java, jar, env, log, httpPort, false);
    }

    /**
     * Starts it as {@link #start(Service, Path, Path, Map, Path, int)} does; {@code append} keeps
     * what the log holds (a restart after a crash keeps the crash's lines).
     */
    public static ServiceProcess start(
            Service service,
            Path java,
            Path jar,
            Map<String, String> env,
            Path log,
            int httpPort,
            boolean append) {
        if (!Files.isRegularFile(jar)) {
            throw CliException.notFound(
                    service.module()
                            + " is not built: "
                            + jar
                            + " is missing; build it with `"
                            + service.buildHint()
                            + "` (./greenband builds what is missing)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(service.jvmArgs());
        cmd.add("-jar");
        cmd.add(jar.toString());
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            // The working directory is the caller's, so relative paths in a study (datasetPath)
            // mean the same to every process.
            ProcessBuilder pb =
                    new ProcessBuilder(cmd)
                            .redirectErrorStream(true)
                            .redirectOutput(
                                    append
                                            ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                            : ProcessBuilder.Redirect.to(log.toFile()));
            pb.environment().putAll(env);
            return new ServiceProcess(service, pb.start(), log, httpPort);
        } catch (IOException e) {
            throw CliException.service(
                    "cannot start " + service.module() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the service answers ready, failing with its log excerpt if it exits or the time
     * runs out.
     */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready =
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2))
                        .GET()
                        .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with status " + process.exitValue() + " while starting");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CliException.service("interrupted while waiting for " + service.module(), e);
            }
            sleep(250);
        }
        throw failure(
                "was not ready after "
                        + timeout.toSeconds()
                        + " s (GET http://127.0.0.1:"
                        + httpPort
                        + "/q/health/ready)");
    }

    /**
     * Whether the service answers its liveness probe with DOWN (503); false while it does not
     * answer at all.
     */
    public boolean reportsDown() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest live =
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + httpPort + "/q/health/live"))
                        .timeout(Duration.ofSeconds(2))
                        .GET()
                        .build();
        try {
            return http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 503;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A service error with the reason and the log's last lines. */
    public CliException failure(String what) {
        return CliException.service(
                service.module() + " " + what + "; last lines of " + log + ":\n" + excerpt(), null);
    }

    /** The last {@link #EXCERPT_LINES} lines of the log, indented. */
    public String excerpt() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail =
                    lines.subList(Math.max(0, lines.size() - EXCERPT_LINES), lines.size());
            return tail.isEmpty() ? "  (the log is empty)" : "  " + String.join("\n  ", tail);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "  (cannot read the log: " + e.getMessage() + ")";
        }
    }

    /** Which service this is. */
    public Service service() {
        return service;
    }

    /** Whether it is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Its exit status, or -1 while it runs. */
    public int exitStatus() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Its process id. */
    public long pid() {
        return process.pid();
    }

    /** Its HTTP port. */
    public int httpPort() {
        return httpPort;
    }

    /** Its log file. */
    public Path log() {
        return log;
    }

    /** Asks it to stop (SIGTERM: Quarkus shuts down cleanly), waits up to 15 s, then kills it. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
