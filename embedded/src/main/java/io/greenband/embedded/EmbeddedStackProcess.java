package io.greenband.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EmbeddedStack} in a child JVM running {@link EmbeddedStackMain}: for callers that want
 * the broker's heap, threads and garbage collection apart from their own (e.g. {@code greenband
 * local}). The child stops when this is closed and also when this JVM dies, because it exits once
 * its standard input closes.
 */
public final class EmbeddedStackProcess implements AutoCloseable {

    /** How long to wait for the child to print {@value EmbeddedStackMain#READY_LINE}. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Map<String, String> properties;

    private EmbeddedStackProcess(Process process, Map<String, String> properties) {
        this.process = process;
        this.properties = Map.copyOf(properties);
    }

    /**
     * Starts a child JVM with this JVM's java and class path.
     *
     * @param jvmArgs options for the child JVM, e.g. {@code -Xmx512m}
     * @param mainArgs options for {@link EmbeddedStackMain}, e.g. {@code --data-dir}
     */
    public static EmbeddedStackProcess start(List<String> jvmArgs, List<String> mainArgs) {
        return start(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"),
                jvmArgs,
                mainArgs);
    }

    /** Starts a child JVM with the given java executable and class path. */
    public static EmbeddedStackProcess start(
            Path java, String classPath, List<String> jvmArgs, List<String> mainArgs) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(EmbeddedStackMain.class.getName());
        command.addAll(mainArgs);
        command.add("--exit-on-stdin-close");
        Path errors;
        Process process;
        try {
            errors = Files.createTempFile("greenband-stack-", ".err");
            process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw EmbeddedStackException.childProcess(
                    "cannot start " + java + ": " + e.getMessage(), e);
        }
        try {
            Map<String, String> properties = awaitReady(process, errors);
            return new EmbeddedStackProcess(process, properties);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        } finally {
            try {
                Files.deleteIfExists(errors);
            } catch (IOException e) {
                // A leftover temp file is harmless.
            }
        }
    }

    private static Map<String, String> awaitReady(Process process, Path errors) {
        Map<String, String> properties = new LinkedHashMap<>();
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // Reads happen on a helper thread so a silent child cannot block us past the timeout.
        Thread reader =
                new Thread(
                        () -> {
                            try {
                                for (String line = out.readLine();
                                        line != null;
                                        line = out.readLine()) {
                                    if (line.equals(EmbeddedStackMain.READY_LINE)) {
                                        synchronized (properties) {
                                            properties.put(EmbeddedStackMain.READY_LINE, "");
                                            properties.notifyAll();
                                        }
                                        continue;
                                    }
                                    int eq = line.indexOf('=');
                                    if (eq > 0) {
                                        synchronized (properties) {
                                            properties.putIfAbsent(
                                                    line.substring(0, eq), line.substring(eq + 1));
                                        }
                                    }
                                }
                            } catch (IOException e) {
                                // The child is gone; awaitReady reports its exit.
                            }
                        },
                        "greenband-stack-child-stdout");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        synchronized (properties) {
            while (!properties.containsKey(EmbeddedStackMain.READY_LINE)) {
                if (!process.isAlive()) {
                    throw EmbeddedStackException.childProcess(
                            "the stack's JVM exited with "
                                    + process.exitValue()
                                    + " before it was ready: "
                                    + tail(errors),
                            null);
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw EmbeddedStackException.childProcess(
                            "the stack's JVM was not ready within "
                                    + READY_TIMEOUT
                                    + ": "
                                    + tail(errors),
                            null);
                }
                try {
                    properties.wait(Math.min(left, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw EmbeddedStackException.childProcess(
                            "interrupted while waiting for the stack's JVM", e);
                }
            }
            properties.remove(EmbeddedStackMain.READY_LINE);
            return new LinkedHashMap<>(properties);
        }
    }

    private static String tail(Path errors) {
        try {
            String text = Files.readString(errors, StandardCharsets.UTF_8).trim();
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no error output: " + e.getMessage() + ")";
        }
    }

    /** The Kafka bootstrap address. */
    public String kafkaBootstrapServers() {
        return properties.get(EmbeddedStack.KAFKA_BOOTSTRAP_SERVERS);
    }

    /** The MongoDB connection string. */
    public String mongoConnectionString() {
        return properties.get(EmbeddedStack.MONGODB_CONNECTION_STRING);
    }

    /** The topic prefix of the child's registry. */
    public String topicsPrefix() {
        return properties.get(EmbeddedStack.TOPICS_PREFIX);
    }

    /**
     * Everything the child printed as {@code key=value}: the client properties and its data
     * directory.
     */
    public Map<String, String> properties() {
        return properties;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the child still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Asks the child to stop (it closes the stack in its shutdown hook) and waits for it; kills it
     * after 30 s.
     */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already closed: the signal below stops it as well.
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
