package io.greenband.aggregator.adapter.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system's Chromium headless on one page: {@code --dump-dom} after a virtual time budget, or a
 * screenshot, with the browser's log on stderr (console messages appear there as {@code CONSOLE} lines).
 * Chromium is looked up as {@code $GREENBAND_CHROMIUM}, then {@code chromium}, {@code chromium-browser},
 * {@code google-chrome} on the PATH.
 */
final class HeadlessChromium {

    /** What a run printed. */
    record Run(String stdout, String stderr) {
        /** Console lines of the browser log. */
        List<String> consoleLines() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or a failure saying how to install it. */
    static HeadlessChromium find() {
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("GREENBAND_CHROMIUM")).ifPresent(candidates::add);
        candidates.addAll(List.of("chromium", "chromium-browser", "google-chrome"));
        for (String c : candidates) {
            if (c.contains("/") && Files.isExecutable(Path.of(c))) {
                return new HeadlessChromium(Path.of(c));
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path p = Path.of(dir, c);
                if (Files.isExecutable(p)) {
                    return new HeadlessChromium(p);
                }
            }
        }
        throw new AssertionError("Chromium is needed for the dashboard test and was not found (tried $GREENBAND_CHROMIUM, "
                + "chromium, chromium-browser, google-chrome on the PATH). Install it, e.g. on Debian: "
                + "apt-get update && apt-get install -y chromium");
    }

    /** The DOM after {@code budgetMs} of virtual time. */
    Run dumpDom(String url, int budgetMs, Path scratch) throws IOException, InterruptedException {
        return run(scratch, "--virtual-time-budget=" + budgetMs, "--dump-dom", url);
    }

    /** A PNG of the page after {@code budgetMs} of virtual time. */
    Run screenshot(String url, int budgetMs, Path png, Path scratch) throws IOException, InterruptedException {
        return run(scratch, "--virtual-time-budget=" + budgetMs, "--window-size=1400,1200",
                "--screenshot=" + png.toAbsolutePath(), url);
    }

    private Run run(Path scratch, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "profile");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile.toAbsolutePath()));
        cmd.addAll(List.of(args));
        Path out = scratch.resolve("stdout-" + System.nanoTime());
        Path err = scratch.resolve("stderr-" + System.nanoTime());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 60 s: " + String.join(" ", cmd) + "\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
