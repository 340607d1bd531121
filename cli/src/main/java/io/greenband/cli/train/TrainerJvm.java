package io.greenband.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenband.cli.CliException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Runs one fixed training in a child JVM on the built trainer ({@code trainer/target/quarkus-app}:
 * its classes in {@code app}, DJL and the bundled CPU libtorch in {@code lib/main}) and this
 * command's classpath, one training per JVM as the trainer runs one trial at a time; DJL's engine
 * state never reaches the CLI's JVM. The child's entry point is the trainer's {@code
 * io.greenband.trainer.adapter.cli.FixedTraining}, named here, not compiled against: the CLI needs
 * the trainer only as this built artifact.
 */
public final class TrainerJvm {

    /**
     * The trainer's entry point for one fixed training (reads a {@link FixedRun}, prints a {@link
     * ChildResult}).
     */
    static final String ENTRY_POINT = "io.greenband.trainer.adapter.cli.FixedTraining";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path trainerApp;
    private final Path trainerLib;

    /**
     * A launcher for the trainer built under {@code home}; refuses (exit 5) when it is not built.
     */
    public TrainerJvm(Path home) {
        this.trainerApp = home.resolve("trainer/target/quarkus-app/app");
        this.trainerLib = home.resolve("trainer/target/quarkus-app/lib/main");
        if (!Files.isDirectory(trainerLib) || !Files.isDirectory(trainerApp)) {
            throw CliException.notFound(
                    "the trainer is not built: "
                            + trainerLib
                            + " or "
                            + trainerApp
                            + " is missing (build it with "
                            + "./mvnw -B -pl trainer -am package -DskipTests, or run through ./greenband, which does)");
        }
    }

    /**
     * Trains {@code run}, scoring the test set when {@code test}; a crash of the child is a FAILED
     * result.
     */
    public ChildResult train(FixedRun run, boolean test) {
        Path request = null;
        Process process = null;
        try {
            request = Files.createTempFile("greenband-train", ".json");
            Files.writeString(request, JSON.writeValueAsString(run));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath =
                    trainerLib
                            + File.separator
                            + "*"
                            + File.pathSeparator
                            + trainerApp
                            + File.separator
                            + "*"
                            + File.pathSeparator
                            + System.getProperty("java.class.path");
            ProcessBuilder pb =
                    new ProcessBuilder(
                            List.of(
                                    java,
                                    "-Xmx2g",
                                    "-Dai.djl.offline=true",
                                    "-Dai.djl.default_engine=PyTorch",
                                    "-DPYTORCH_VERSION=2.7.1",
                                    "-DPYTORCH_FLAVOR=cpu",
                                    "-cp",
                                    classpath,
                                    ENTRY_POINT,
                                    request.toString(),
                                    Boolean.toString(test)));
            pb.redirectErrorStream(true);
            // libtorch's OpenMP threads otherwise spin while waiting: on a busy machine that
            // multiplied the CPU time
            // (and so the charged energy) of a training several times over.
            pb.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
            process = pb.start();
            Process child = process;
            Thread hook = new Thread(child::destroyForcibly);
            Runtime.getRuntime().addShutdownHook(hook);
            Deque<String> tail = new ArrayDeque<>();
            ChildResult result = null;
            try (BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(
                                    child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith(ChildResult.MARKER)) {
                        result =
                                JSON.readValue(
                                        line.substring(ChildResult.MARKER.length()),
                                        ChildResult.class);
                    } else {
                        tail.addLast(line);
                        if (tail.size() > 25) {
                            tail.removeFirst();
                        }
                    }
                }
            }
            int status = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(hook);
            if (result == null) {
                return new ChildResult(
                        false,
                        "the training JVM exited with status "
                                + status
                                + " without a result; its last lines:\n"
                                + String.join("\n", tail),
                        null,
                        0,
                        0,
                        0);
            }
            return result;
        } catch (IOException e) {
            throw CliException.failed("cannot run the training JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw CliException.failed("interrupted", e);
        } finally {
            if (request != null) {
                try {
                    Files.deleteIfExists(request);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
