package io.greenband.trainer.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The programs this trainer may run, by name. A study's {@code workload.program} is looked up here
 * and nowhere else; an unknown name is an INVALID_CONFIG failure naming the known ones, before any
 * process starts.
 *
 * <p>A registry file (JSON or YAML) maps names to registrations:
 *
 * <pre>{@code
 * programs:
 *   train-py:
 *     argv: [python3, /opt/train/train.py]
 *     workDir: /opt/train        # optional; default: the trial's folder
 *     environment: [PATH, HOME]  # optional; default Program.DEFAULT_ENVIRONMENT
 *     timeout: PT2H              # optional ISO-8601 or 90s/10m/2h; default the trainer's command.timeout
 * }</pre>
 */
public final class ProgramRegistry {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Map<String, Program> programs;

    private ProgramRegistry(Map<String, Program> programs) {
        this.programs = Map.copyOf(programs);
    }

    /** No programs: every command-backend trial fails. */
    public static ProgramRegistry empty() {
        return new ProgramRegistry(Map.of());
    }

    /** These programs; a name given twice is an error. */
    public static ProgramRegistry of(List<Program> programs) {
        Map<String, Program> byName = new TreeMap<>();
        for (Program p : programs) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException(
                        "program '" + p.name() + "' is registered twice");
            }
        }
        return new ProgramRegistry(byName);
    }

    /** This registry and {@code more}; a name in both is an error. */
    public ProgramRegistry with(ProgramRegistry more) {
        List<Program> all = new ArrayList<>(programs.values());
        all.addAll(more.programs.values());
        return of(all);
    }

    /** The registered names, sorted. */
    public List<String> names() {
        return List.copyOf(new TreeMap<>(programs).keySet());
    }

    /** The program {@code name}, or an INVALID_CONFIG failure naming the known ones. */
    public Program find(String name) {
        Program program = name == null ? null : programs.get(name);
        if (program == null) {
            throw TrainerException.invalidConfig(
                    "workload.program '"
                            + name
                            + "' is not registered on this trainer; "
                            + "known programs: "
                            + names()
                            + " (greenband.trainer.programs.<name>.argv or "
                            + "greenband.trainer.programs-file)",
                    null);
        }
        return program;
    }

    /**
     * Reads a registry file; timeouts left out are {@code defaultTimeout}. Errors name the file and
     * program.
     */
    public static ProgramRegistry read(Path file, Duration defaultTimeout) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "program registry '" + file + "' cannot be read: " + e.getMessage(), e);
        }
        JsonNode section = root == null ? null : root.get("programs");
        if (section == null || !section.isObject()) {
            throw new IllegalArgumentException(
                    "program registry '" + file + "' must be a mapping with 'programs'");
        }
        List<Program> programs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                programs.add(program(e.getKey(), e.getValue(), defaultTimeout));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(
                        "program registry '" + file + "': " + ex.getMessage(), ex);
            }
        }
        return of(programs);
    }

    private static Program program(String name, JsonNode node, Duration defaultTimeout) {
        List<String> known = List.of("argv", "workDir", "environment", "timeout");
        node.fieldNames()
                .forEachRemaining(
                        f -> {
                            if (!known.contains(f)) {
                                throw new IllegalArgumentException(
                                        "program '"
                                                + name
                                                + "': unknown field '"
                                                + f
                                                + "'; known: "
                                                + known);
                            }
                        });
        return new Program(
                name,
                strings(node.get("argv")),
                node.hasNonNull("workDir") ? Path.of(node.get("workDir").asText()) : null,
                node.has("environment") ? strings(node.get("environment")) : null,
                node.hasNonNull("timeout")
                        ? duration(name, node.get("timeout").asText())
                        : defaultTimeout);
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.isValueNode() ? v.asText() : null));
        return values;
    }

    /** ISO-8601 ({@code PT2H}) or a number with s, m, h or d. */
    static Duration duration(String name, String text) {
        String t = text.strip();
        try {
            if (t.matches("\\d+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(t);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    "program '"
                            + name
                            + "': timeout must be like 90s, 10m, 2h or PT2H, "
                            + "got '"
                            + text
                            + "'",
                    e);
        }
    }
}
