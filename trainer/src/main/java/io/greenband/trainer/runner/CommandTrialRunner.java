package io.greenband.trainer.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a trial with an external program ("bring your own training code"). The program gets the
 * trial as one JSON object on stdin and in the file named by {@value #TRIAL_FILE_ENV}; it prints
 * JSON lines on stdout: {@code {"type":"progress","epoch":1,"epochs":3,"train_loss":..,
 * "validation_loss":..,"validation_accuracy":..}} per epoch and one final {@code
 * {"type":"result","metrics":{..}}} (or {@code {"type":"result","status":"failed","error":".."}}).
 * Other stdout lines are ignored. A non-zero exit, a missing result, a non-finite metric, a result
 * without a metric the study's objectives read, or the time limit end the trial FAILED; the failure
 * names a line that looked like JSON but did not parse, and the reported metric names the study
 * does not know; interrupting the calling thread stops the program (INTERRUPTED).
 *
 * <p>Only programs registered on the trainer run ({@link Program}: argv, working folder,
 * environment allow-list, timeout); the study's data reach them as JSON, never as arguments. The
 * program leads its own process group and is killed with everything it started ({@link
 * ProcessTree}). It runs in its registered folder, else its trial's folder. A program or argument
 * that is a relative path to an existing file or folder under the trainer's working directory is
 * passed as that absolute path, so a study's relative paths (as in {@code python3
 * examples/command/train.py}) mean what they mean to whoever started the trainer.
 */
public final class CommandTrialRunner implements TrialRunner {

    /** Environment variable holding the path of the trial JSON file. */
    public static final String TRIAL_FILE_ENV = "GREENBAND_TRIAL_FILE";

    private static final int STDERR_LINES = 20;
    private static final long CANCEL_CHECK_MILLIS = 200;

    private static final int QUOTED_LINE_CHARS = 200;

    private final Program program;
    private final List<String> command;
    private final Path workDir;
    private final Duration timeout;
    private final Set<String> expectedMetrics;

    /**
     * @param program the registered program: argv, working folder, environment allow-list and time
     *     limit
     * @param workDir the trainer's command working folder; each trial gets a sub-folder named after
     *     its id
     */
    public CommandTrialRunner(Program program, Path workDir) {
        this(program, workDir, Set.of());
    }

    /**
     * @param program the registered program: argv, working folder, environment allow-list and time
     *     limit
     * @param workDir the trainer's command working folder; each trial gets a sub-folder named after
     *     its id
     * @param expectedMetrics metric names the study's objectives read; a result lacking one fails
     *     naming them
     */
    public CommandTrialRunner(Program program, Path workDir, Set<String> expectedMetrics) {
        this.program = program;
        this.command = program.argv().stream().map(CommandTrialRunner::anchored).toList();
        this.workDir = workDir;
        this.timeout = program.timeout();
        this.expectedMetrics = Set.copyOf(expectedMetrics);
    }

    /**
     * A runner of {@code command} registered as the program {@code command} with the default
     * environment, that does not know which metrics the study reads.
     *
     * @param command program and arguments
     * @param workDir working directory; each trial gets a sub-folder named after its id
     * @param timeout wall-clock limit per trial
     */
    public CommandTrialRunner(List<String> command, Path workDir, Duration timeout) {
        this(command, workDir, timeout, Set.of());
    }

    /**
     * @param command program and arguments, registered as the program {@code command} with the
     *     default environment
     * @param workDir working directory; each trial gets a sub-folder named after its id
     * @param timeout wall-clock limit per trial
     * @param expectedMetrics metric names the study's objectives read; a result lacking one fails
     *     naming them
     */
    public CommandTrialRunner(
            List<String> command, Path workDir, Duration timeout, Set<String> expectedMetrics) {
        this(new Program("command", command, null, null, timeout), workDir, expectedMetrics);
    }

    /** The program and arguments as they will be started. */
    public List<String> command() {
        return command;
    }

    /** The registered program this runner starts. */
    public Program program() {
        return program;
    }

    private static String anchored(String part) {
        if (part == null || part.isBlank() || part.startsWith("-")) {
            return part;
        }
        try {
            Path path = Path.of(part);
            return !path.isAbsolute() && Files.exists(path)
                    ? path.toAbsolutePath().normalize().toString()
                    : part;
        } catch (InvalidPathException e) {
            return part;
        }
    }

    @Override
    public TrialResult run(TrialRequest request, ProgressListener listener) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Process process = null;
        try {
            Path trialDir = Files.createDirectories(workDir.resolve(request.trialId()));
            byte[] trial = TrialJson.MAPPER.writeValueAsBytes(TrialJson.of(request));
            Path trialFile = trialDir.resolve("trial.json");
            Files.write(trialFile, trial);
            Path runIn = program.workDir() != null ? program.workDir() : trialDir;
            ProcessBuilder builder =
                    new ProcessBuilder(ProcessTree.detached(command))
                            .directory(runIn.toFile())
                            .redirectError(trialDir.resolve("stderr.log").toFile());
            // Only the variables the registration allows: the trainer's own credentials stay with
            // the trainer.
            Map<String, String> env = builder.environment();
            env.clear();
            for (String name : program.environment()) {
                String value = System.getenv(name);
                if (value != null) {
                    env.put(name, value);
                }
            }
            env.put(TRIAL_FILE_ENV, trialFile.toAbsolutePath().toString());
            process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(trial);
            } catch (IOException ignored) {
                // the program may not read stdin; it has the file
            }
            Process running = process;
            String[] badLine = {""};
            AtomicBoolean timedOut = new AtomicBoolean();
            AtomicBoolean cancelled = new AtomicBoolean();
            Thread caller = Thread.currentThread();
            Thread watchdog =
                    new Thread(
                            () -> {
                                // Reading stdout does not notice interrupts: the watchdog stops the
                                // program when the caller is.
                                long deadline = System.nanoTime() + timeout.toNanos();
                                try {
                                    while (!running.waitFor(
                                            CANCEL_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                                        if (caller.isInterrupted()) {
                                            cancelled.set(true);
                                            stop(running);
                                        } else if (System.nanoTime() > deadline) {
                                            timedOut.set(true);
                                            stop(running);
                                        }
                                    }
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "trial-watchdog-" + request.trialId());
            watchdog.setDaemon(true);
            watchdog.start();
            TrialResult result;
            try {
                result = readOutput(request, process.getInputStream(), listener, metrics, badLine);
                try {
                    running.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled.set(true);
                }
            } finally {
                watchdog.interrupt();
            }
            if (cancelled.get()) {
                throw new TrainerException(
                        TrainerException.Kind.INTERRUPTED,
                        "trial interrupted; command stopped",
                        null);
            }
            if (timedOut.get()) {
                throw new TrainerException(
                        TrainerException.Kind.COMMAND,
                        "command exceeded its time limit of " + timeout + " and was stopped",
                        null);
            }
            if (running.exitValue() != 0) {
                throw new TrainerException(
                        TrainerException.Kind.COMMAND,
                        "command exited with status "
                                + running.exitValue()
                                + ": "
                                + tail(trialDir.resolve("stderr.log")),
                        null);
            }
            if (result == null) {
                throw new TrainerException(
                        TrainerException.Kind.COMMAND,
                        "command exited without a {\"type\":\"result\"} line" + badLine[0],
                        null);
            }
            return result;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return TrialResult.failed(request.trialId(), metrics, TrainerException.classify(e));
        } finally {
            if (process != null) {
                stop(process); // also when it exited: what it left running in its group goes
                // with it
            }
        }
    }

    /**
     * Reads stdout; {@code badLine[0]} gets a note on the first line that looked like JSON but did
     * not parse.
     */
    private TrialResult readOutput(
            TrialRequest request,
            InputStream stdout,
            ProgressListener listener,
            Map<String, Double> metrics,
            String[] badLine)
            throws IOException {
        TrialResult result = null;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                JsonNode node;
                try {
                    node = parse(line);
                } catch (JsonProcessingException e) {
                    if (badLine[0].isEmpty()) {
                        badLine[0] =
                                "; stdout line "
                                        + number
                                        + " looked like JSON but did not parse ("
                                        + e.getOriginalMessage()
                                        + "): "
                                        + quote(line);
                    }
                    continue;
                }
                if (node == null) {
                    continue;
                }
                String type = node.path("type").asText();
                if ("progress".equals(type)) {
                    listener.onEpoch(progress(request, node));
                } else if ("result".equals(type)) {
                    result = result(request, node, metrics);
                }
            }
        }
        return result;
    }

    /**
     * The JSON object on {@code line}; null when the line is not meant as one (does not start with
     * '{').
     */
    private static JsonNode parse(String line) throws JsonProcessingException {
        String trimmed = line.trim();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        return TrialJson.MAPPER.readTree(trimmed);
    }

    private static String quote(String line) {
        String t = line.strip();
        return "'"
                + (t.length() > QUOTED_LINE_CHARS
                        ? t.substring(0, QUOTED_LINE_CHARS) + "...' (" + t.length() + " characters)"
                        : t + "'");
    }

    private static EpochProgress progress(TrialRequest request, JsonNode node) {
        return new EpochProgress(
                request.trialId(),
                node.path("epoch").asInt(),
                node.path("epochs").asInt(),
                node.path("train_loss").asDouble(Double.NaN),
                node.path("train_accuracy").asDouble(Double.NaN),
                node.path("validation_loss").asDouble(Double.NaN),
                node.path("validation_accuracy").asDouble(Double.NaN),
                node.path("learning_rate").asDouble(Double.NaN),
                node.path("elapsed_seconds").asDouble(Double.NaN));
    }

    private TrialResult result(TrialRequest request, JsonNode node, Map<String, Double> metrics) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("metrics").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            double value =
                    entry.getValue().isNumber()
                            ? entry.getValue().asDouble()
                            : parseNumber(entry.getValue().asText());
            metrics.put(entry.getKey(), value);
            if (!Double.isFinite(value)) {
                throw TrainerException.diverged(
                        "command reported " + entry.getKey() + " = " + entry.getValue().asText());
            }
        }
        if ("failed".equalsIgnoreCase(node.path("status").asText())) {
            throw new TrainerException(
                    TrainerException.Kind.COMMAND,
                    "command reported failure: " + node.path("error").asText("(no error given)"),
                    null);
        }
        Set<String> published = MetricNames.eventNames(metrics.keySet());
        List<String> missing =
                expectedMetrics.stream().filter(m -> !published.contains(m)).sorted().toList();
        if (!missing.isEmpty()) {
            List<String> unknown =
                    metrics.keySet().stream()
                            .filter(
                                    m ->
                                            MetricNames.eventNames(List.of(m)).stream()
                                                    .noneMatch(expectedMetrics::contains))
                            .toList();
            throw new TrainerException(
                    TrainerException.Kind.COMMAND,
                    "result line lacks metric(s) "
                            + missing
                            + " that the study's objectives read; it reported "
                            + metrics.keySet()
                            + (unknown.isEmpty()
                                    ? ""
                                    : ", of which " + unknown + " no objective reads"),
                    null);
        }
        String model =
                node.path("model_path").isTextual() ? node.path("model_path").asText() : null;
        return TrialResult.completed(request.trialId(), metrics, model);
    }

    private static double parseNumber(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Kills the program and its whole tree (a shell's children would otherwise keep stdout open, or
     * run on).
     */
    private static void stop(Process process) {
        ProcessTree.kill(process);
    }

    private static String tail(Path log) throws IOException {
        Deque<String> lines = new ArrayDeque<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            lines.addLast(line);
            if (lines.size() > STDERR_LINES) {
                lines.removeFirst();
            }
        }
        return lines.isEmpty() ? "(no stderr)" : String.join("\n", new ArrayList<>(lines));
    }
}
