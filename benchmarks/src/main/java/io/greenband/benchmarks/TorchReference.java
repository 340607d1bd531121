package io.greenband.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch side of the trainer benchmark: {@code reference/dsnn_reference.py} (shipped in this
 * jar), a ResNet20 with DeepShift-Q/-PS layers written from the published equations, run by
 * Debian's {@code /usr/bin/python3} with {@code python3-torch}, one process per variant and round
 * so each has its own peak memory. Absent when that Python or its torch is missing.
 */
final class TorchReference {

    /** The interpreter Debian's {@code python3-torch} installs for. */
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final String SCRIPT = "reference/dsnn_reference.py";

    /**
     * A variant's run may take long on a loaded machine; a stuck interpreter must not stop the
     * benchmark forever.
     */
    private static final long TIMEOUT_MINUTES = 60;

    /** The script prints one short JSON line; anything beyond this is not its answer. */
    private static final int MAX_OUTPUT_BYTES = 64 * 1024;

    private final Path script;
    private final String torchVersion;

    private TorchReference(Path script, String torchVersion) {
        this.script = script;
        this.torchVersion = torchVersion;
    }

    /** The reference, or empty with the reason printed by the caller ({@link #missingReason()}). */
    static Optional<TorchReference> find() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return Optional.empty();
        }
        Output probe =
                run(List.of(PYTHON.toString(), "-c", "import torch; print(torch.__version__)"));
        if (probe.exitCode() != 0 || probe.text().isBlank()) {
            return Optional.empty();
        }
        Path script = Files.createTempFile("greenband-dsnn-reference", ".py");
        script.toFile().deleteOnExit();
        try (InputStream in = TorchReference.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from the benchmark jar");
            }
            Files.write(script, in.readAllBytes());
        }
        return Optional.of(new TorchReference(script, probe.text().strip()));
    }

    /** The line printed when the reference is skipped. */
    static String missingReason() {
        return "PyTorch reference skipped: "
                + PYTHON
                + " with torch not found (apt-get install python3-torch)";
    }

    /** The torch version the reference runs on. */
    String torchVersion() {
        return torchVersion;
    }

    /**
     * Measures one variant with the same batch, threads, warm-up and timed steps as greenband's
     * side.
     */
    TrainerThroughput.Result measure(
            TrainerVariant variant, int batch, int threads, int warmup, int steps)
            throws IOException, InterruptedException {
        Output out =
                run(
                        List.of(
                                PYTHON.toString(),
                                script.toString(),
                                "--variant",
                                variant.name(),
                                "--batch",
                                Integer.toString(batch),
                                "--threads",
                                Integer.toString(threads),
                                "--warmup",
                                Integer.toString(warmup),
                                "--steps",
                                Integer.toString(steps)));
        String[] lines = out.text().strip().split("\n");
        String last = lines[lines.length - 1];
        if (out.exitCode() != 0 || !last.startsWith("{")) {
            throw new IOException(
                    "the PyTorch reference failed for "
                            + variant.name()
                            + " (exit "
                            + out.exitCode()
                            + "): "
                            + out.text().strip());
        }
        JsonNode json = new ObjectMapper().readTree(last);
        return new TrainerThroughput.Result(
                json.path("train_images_per_s").asDouble(Double.NaN),
                json.path("infer_images_per_s").asDouble(Double.NaN),
                json.path("peak_memory_mib").asDouble(Double.NaN));
    }

    private record Output(int exitCode, String text) {}

    private static Output run(List<String> command) throws IOException, InterruptedException {
        // output to a file, so a stuck interpreter cannot block a read past the timeout
        Path log = Files.createTempFile("greenband-dsnn-reference", ".out");
        try {
            Process process =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(
                        "the PyTorch reference did not finish within "
                                + TIMEOUT_MINUTES
                                + " minutes");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(log)) {
                bytes = in.readNBytes(MAX_OUTPUT_BYTES);
            }
            return new Output(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
