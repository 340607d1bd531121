package io.greenband.embedded.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One tab of a {@link HeadlessBrowser}: navigate, evaluate, wait, screenshot, and what went wrong
 * on the page.
 */
public final class BrowserPage {

    private final DevToolsConnection connection;
    private final String session;

    BrowserPage(DevToolsConnection connection, String session) {
        this.connection = connection;
        this.session = session;
    }

    void start(int width, int height) {
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
        send("Page.enable", Map.of());
        send("Network.enable", Map.of());
        send(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Cuts the page off the network (file pages still load; any request goes nowhere). */
    public void offline() {
        send(
                "Network.emulateNetworkConditions",
                Map.of(
                        "offline",
                        true,
                        "latency",
                        0,
                        "downloadThroughput",
                        -1,
                        "uploadThroughput",
                        -1));
    }

    /** Loads {@code url} and waits for its load event. */
    public void navigate(String url) {
        int before = connection.events().size();
        JsonNode r = send("Page.navigate", Map.of("url", url));
        if (r.hasNonNull("errorText")) {
            throw new IllegalStateException(
                    "cannot load " + url + ": " + r.get("errorText").asText());
        }
        long deadline = System.nanoTime() + HeadlessBrowser.COMMAND_TIMEOUT.toNanos();
        while (connection.events().subList(before, connection.events().size()).stream()
                .noneMatch(
                        e ->
                                "Page.loadEventFired".equals(e.path("method").asText())
                                        && session.equals(e.path("sessionId").asText()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        url + " did not finish loading within " + HeadlessBrowser.COMMAND_TIMEOUT);
            }
            sleep(50);
        }
    }

    /** The value of a JavaScript expression (promises awaited), as JSON. */
    public JsonNode evaluate(String expression) {
        JsonNode r =
                send(
                        "Runtime.evaluate",
                        Map.of(
                                "expression",
                                expression,
                                "returnByValue",
                                true,
                                "awaitPromise",
                                true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException(
                    "evaluating " + expression + " threw: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Waits until {@code expression} is truthy; false when {@code timeout} passed first. */
    public boolean waitFor(String expression, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (evaluate("Boolean(" + expression + ")").asBoolean()) {
                return true;
            }
            sleep(100);
        }
        return false;
    }

    /**
     * Console errors and warnings, uncaught exceptions and browser log errors (failed loads, policy
     * violations) of this page so far.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : connection.events()) {
            if (!session.equals(e.path("sessionId").asText())) {
                continue;
            }
            JsonNode p = e.path("params");
            switch (e.path("method").asText()) {
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
                        out.add("console." + type + ": " + p.path("args"));
                    }
                }
                case "Runtime.exceptionThrown" ->
                        out.add("exception: " + p.path("exceptionDetails"));
                case "Log.entryAdded" -> {
                    String level = p.path("entry").path("level").asText();
                    if (level.equals("error") || level.equals("warning")) {
                        out.add(
                                "log."
                                        + level
                                        + ": "
                                        + p.path("entry").path("text").asText()
                                        + " "
                                        + p.path("entry").path("url").asText());
                    }
                }
                default -> {}
            }
        }
        return out;
    }

    /**
     * A PNG of the whole page (the viewport grown to the content's height) written to {@code png}.
     */
    public Path screenshot(Path png, int width) throws IOException {
        JsonNode size = send("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
        int height = (int) Math.ceil(size.path("height").asDouble(800));
        send(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        width,
                        "height",
                        Math.min(height, 6000),
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        false));
        sleep(300); // let the charts redraw at the new size
        String data = send("Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(data));
        return png;
    }

    private JsonNode send(String method, Map<String, ?> params) {
        return connection.send(session, method, params, HeadlessBrowser.COMMAND_TIMEOUT);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
