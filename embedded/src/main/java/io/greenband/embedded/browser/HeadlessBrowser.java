package io.greenband.embedded.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The system's Chromium, headless, with a fresh profile, driven over the DevTools protocol ({@code
 * --remote-debugging-port=0}; the port is read from the profile's {@code DevToolsActivePort}).
 * Looked up as {@code $GREENBAND_CHROMIUM}, then {@code chromium}, {@code chromium-browser}, {@code
 * google-chrome} on the PATH.
 */
public final class HeadlessBrowser implements AutoCloseable {

    /** How long a command may take on a loaded machine. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private static final List<String> FLAGS =
            List.of(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--hide-scrollbars",
                    "--remote-debugging-port=0");

    private final Process process;
    private final Path profile;
    private final DevToolsConnection connection;

    private HeadlessBrowser(Process process, Path profile, DevToolsConnection connection) {
        this.process = process;
        this.profile = profile;
        this.connection = connection;
    }

    /**
     * Starts a browser with a new profile under {@code scratch}; fails saying how to install
     * Chromium.
     */
    public static HeadlessBrowser launch(Path scratch) throws IOException, InterruptedException {
        Path binary =
                find().orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "Chromium is needed for the page tests and "
                                                        + "was not found (tried $GREENBAND_CHROMIUM, chromium, chromium-browser, google-chrome on the PATH). "
                                                        + "Install it, e.g. on Debian: apt-get update && apt-get install -y chromium"));
        Files.createDirectories(scratch);
        Path profile = Files.createTempDirectory(scratch, "profile");
        List<String> cmd = new ArrayList<>(List.of(binary.toString()));
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + profile.toAbsolutePath());
        cmd.add("about:blank");
        Process p =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(
                                profile.resolveSibling(profile.getFileName() + ".log").toFile())
                        .start();
        Path active = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
        while (!(Files.exists(active) && Files.readAllLines(active).size() >= 2)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        "Chromium did not open its DevTools port: " + String.join(" ", cmd));
            }
            Thread.sleep(100);
        }
        List<String> lines = Files.readAllLines(active, StandardCharsets.UTF_8);
        try {
            URI ws = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
            return new HeadlessBrowser(p, profile, new DevToolsConnection(ws));
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("cannot connect to Chromium's DevTools endpoint", e);
        }
    }

    /** Whether a Chromium binary can be found. */
    public static Optional<Path> find() {
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("GREENBAND_CHROMIUM")).ifPresent(candidates::add);
        candidates.addAll(List.of("chromium", "chromium-browser", "google-chrome"));
        for (String c : candidates) {
            if (c.contains("/")) {
                if (Files.isExecutable(Path.of(c))) {
                    return Optional.of(Path.of(c));
                }
                continue;
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path p = Path.of(dir, c);
                if (!dir.isEmpty() && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** A new tab of {@code width} × {@code height} CSS pixels, with console and log capture on. */
    public BrowserPage newPage(int width, int height) {
        String target =
                connection
                        .send(
                                null,
                                "Target.createTarget",
                                Map.of("url", "about:blank"),
                                COMMAND_TIMEOUT)
                        .get("targetId")
                        .asText();
        String session =
                connection
                        .send(
                                null,
                                "Target.attachToTarget",
                                Map.of("targetId", target, "flatten", true),
                                COMMAND_TIMEOUT)
                        .get("sessionId")
                        .asText();
        BrowserPage page = new BrowserPage(connection, session);
        page.start(width, height);
        return page;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            connection.send(null, "Browser.close", Map.of(), Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            // Already gone: the process is ended below either way.
        }
        connection.close();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
