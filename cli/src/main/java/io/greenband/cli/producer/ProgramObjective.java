package io.greenband.cli.producer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenband.events.payload.ObjectiveReported;
import io.greenband.events.payload.TrialFinished;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a user program for one finished trial and reads the objective value it prints. The program
 * gets the {@code trial-finished} event as JSON on standard input and {@code GREENBAND_STUDY_ID},
 * {@code GREENBAND_TRIAL_ID}, {@code GREENBAND_ATTEMPT}, {@code GREENBAND_OBJECTIVE} and {@code
 * GREENBAND_MODEL_ARTIFACT} (when the trainer saved one) in its environment; its last non-empty
 * output line is either a number or a JSON object with a numeric {@code value} and an optional
 * {@code unit}.
 *
 * @param program the program and its arguments
 * @param producer the producer's name (the study's objective source is {@code producer:<name>})
 * @param objective the objective's name in the study
 * @param timeout how long one run may take
 * @param workDir the program's working folder
 * @param clock stamps the reports
 */
public record ProgramObjective(
        List<String> program,
        String producer,
        String objective,
        Duration timeout,
        Path workDir,
        Clock clock) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Checks the fields, naming the one that is wrong. */
    public ProgramObjective {
        program = List.copyOf(Objects.requireNonNull(program, "program"));
        if (program.isEmpty() || program.get(0).isBlank()) {
            throw new IllegalArgumentException("program must name an executable");
        }
        if (producer == null || producer.isBlank()) {
            throw new IllegalArgumentException(
                    "producer must be a name (the study's source producer:<name>)");
        }
        if (objective == null || objective.isBlank()) {
            throw new IllegalArgumentException("objective must name one of the study's objectives");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                    "timeout must be a positive duration, got " + timeout);
        }
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * The report for the trial, or an exception saying why there is none (the program failed, timed
     * out or printed no number).
     *
     * @param trial the finished trial
     * @param eventJson the trial's event as JSON, handed to the program on standard input
     */
    public ObjectiveReported run(TrialFinished trial, byte[] eventJson)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(program)
                        .directory(workDir.toFile())
                        .redirectErrorStream(false)
                        .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("GREENBAND_STUDY_ID", trial.studyId());
        pb.environment().put("GREENBAND_TRIAL_ID", trial.trialId());
        pb.environment().put("GREENBAND_ATTEMPT", Integer.toString(trial.attempt()));
        pb.environment().put("GREENBAND_OBJECTIVE", objective);
        if (trial.modelArtifact() != null) {
            pb.environment().put("GREENBAND_MODEL_ARTIFACT", trial.modelArtifact());
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IOException(
                    "cannot start producer program '" + program.get(0) + "': " + e.getMessage(), e);
        }
        // Output is read on its own thread so that a program printing a lot never blocks on a full
        // pipe.
        CompletableFuture<byte[]> out =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return process.getInputStream().readAllBytes();
                            } catch (IOException e) {
                                return new byte[0];
                            }
                        });
        try (OutputStream in = process.getOutputStream()) {
            in.write(eventJson);
        } catch (IOException ignored) {
            // the program need not read its input
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(
                    "producer program '" + program.get(0) + "' did not finish within " + timeout);
        }
        String output = new String(out.join(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(
                    "producer program '"
                            + program.get(0)
                            + "' exited with status "
                            + process.exitValue());
        }
        return parse(trial, output);
    }

    /**
     * The report from the program's output: its last non-empty line, a number or {"value": x,
     * "unit": "u"}.
     */
    ObjectiveReported parse(TrialFinished trial, String output) throws IOException {
        List<String> lines =
                new ArrayList<>(
                        output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        if (lines.isEmpty()) {
            throw new IOException(
                    "producer program '"
                            + program.get(0)
                            + "' printed nothing; print the value of "
                            + objective
                            + " as a number or {\"value\": x} on the last line");
        }
        String last = lines.get(lines.size() - 1);
        double value;
        String unit = null;
        try {
            if (last.startsWith("{")) {
                JsonNode node = JSON.readTree(last);
                if (!node.path("value").isNumber()) {
                    throw new IOException(
                            "producer program '"
                                    + program.get(0)
                                    + "' printed "
                                    + last
                                    + ": 'value' must be a number");
                }
                value = node.get("value").asDouble();
                unit = node.path("unit").isTextual() ? node.get("unit").asText() : null;
            } else {
                value = Double.parseDouble(last);
            }
        } catch (NumberFormatException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(
                    "producer program '"
                            + program.get(0)
                            + "' printed '"
                            + last
                            + "'; expected a "
                            + "number or {\"value\": x, \"unit\": \"...\"}",
                    e);
        }
        if (!Double.isFinite(value)) {
            throw new IOException(
                    "producer program '"
                            + program.get(0)
                            + "' printed a non-finite value: "
                            + last);
        }
        return new ObjectiveReported(
                trial.studyId(),
                trial.trialId(),
                trial.attempt(),
                objective,
                value,
                unit,
                producer,
                clock.instant());
    }
}
