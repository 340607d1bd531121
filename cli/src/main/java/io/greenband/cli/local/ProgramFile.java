package io.greenband.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenband.cli.CliException;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainer's program registry file as a local run writes and checks it ({@code programs: {NAME:
 * {argv: [...], environment: [...]}}}, read by the trainer's {@code
 * greenband.trainer.programs-file}). A study only names a program; the local run registers the
 * user's program for its own trainer and nothing else.
 */
public final class ProgramFile {

    /**
     * Variables a locally registered program sees: the trainer's defaults plus what interpreters
     * need to be found.
     */
    public static final List<String> LOCAL_ENVIRONMENT =
            List.of(
                    "PATH",
                    "HOME",
                    "USER",
                    "LANG",
                    "LC_ALL",
                    "TZ",
                    "TMPDIR",
                    "CUDA_VISIBLE_DEVICES",
                    "NVIDIA_VISIBLE_DEVICES",
                    "PYTHONPATH",
                    "VIRTUAL_ENV",
                    "CONDA_PREFIX",
                    "LD_LIBRARY_PATH");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ProgramFile() {}

    /** Writes a registry holding one program, {@code name} → {@code argv}, and returns the file. */
    public static Path write(Path file, String name, List<String> argv) {
        ObjectNode root = YAML.createObjectNode();
        ObjectNode program = root.putObject("programs").putObject(name);
        argv.forEach(program.putArray("argv")::add);
        LOCAL_ENVIRONMENT.forEach(program.putArray("environment")::add);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, YAML.writeValueAsString(root), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.failed(
                    "cannot write the program registry '" + file + "': " + e.getMessage(), e);
        }
        return file;
    }

    /** The program names a registry file holds. */
    public static List<String> names(Path file) {
        JsonNode programs;
        try {
            programs =
                    YAML.readTree(Files.readString(file, StandardCharsets.UTF_8)).path("programs");
        } catch (IOException | RuntimeException e) {
            throw CliException.notFound(
                    "program registry '" + file + "' cannot be read: " + e.getMessage());
        }
        List<String> names = new ArrayList<>();
        programs.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Checks before anything starts that the program a command-backend study names is in {@code
     * file}.
     */
    public static void check(StudyDefined study, Path file) {
        Workload w = study.workload();
        if (!Workload.COMMAND.equals(w.backend())) {
            return;
        }
        if (file == null) {
            throw CliException.invalidStudy(
                    "study '"
                            + study.studyId()
                            + "' runs the program '"
                            + w.program()
                            + "': register it for this run with --programs FILE (programs: {"
                            + w.program()
                            + ": {argv: [...]}}; see docs/trainer.md)",
                    null);
        }
        List<String> names = names(file);
        if (!names.contains(w.program())) {
            throw CliException.invalidStudy(
                    "study '"
                            + study.studyId()
                            + "' runs the program '"
                            + w.program()
                            + "', which "
                            + file
                            + " does not register; it registers "
                            + names,
                    null);
        }
    }

    /**
     * A program name from a path or command ({@code python3}, {@code train.sh}) as the trainer
     * accepts it.
     */
    public static String nameOf(String program) {
        String base = Path.of(program).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "-");
        String name = base.replaceFirst("^[^A-Za-z0-9]+", "");
        name = name.isEmpty() ? "program" : name;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
