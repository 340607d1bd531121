package io.greenband.events.study;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenband.events.EventType;
import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.codec.EventJson;
import io.greenband.events.codec.EventSchemas;
import io.greenband.events.codec.PayloadCodec;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.space.DsnnSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a study definition from YAML or JSON. The file uses the field names of {@link StudyDefined}
 * ({@code studyId}, {@code space}, {@code objectives}, {@code fidelity}, {@code scheduler}, {@code
 * budget}, {@code carbon}, {@code seed}, {@code workload}, ...). Sections left out get their
 * defaults; {@code objectives} defaults to {@link StudyDefaults#OBJECTIVES}, and {@code fidelity}
 * to {@link StudyDefaults#DSNN_FIDELITY} when the space is the bundled {@code dsnn-table1}. {@code
 * space} is inline ConfigSpace JSON/YAML, the name {@code dsnn-table1}, a file path (relative to
 * the study file) or {@code {file: path}}. Durations ({@code ...Seconds} fields) may be written
 * {@code 90s}, {@code 10m}, {@code 2h} or {@code 1d}. Every error is a {@link
 * StudyDefinitionException} naming the field and its line.
 */
public final class StudyReader {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd])");
    private static final List<String> DURATION_FIELDS =
            List.of("wallClockLimitSeconds", "waitTimeoutSeconds", "leaseSeconds");

    /**
     * Why a study file's {@code workload.command} is refused (the field is named by the error
     * itself).
     */
    static final String COMMAND_REFUSED =
            "is not accepted: trainers run only programs registered in their own "
                    + "configuration; name one with workload.program (greenband optimize registers yours, greenband local "
                    + "takes --programs FILE)";

    private StudyReader() {}

    /**
     * Reads a study file ({@code .json} as JSON, anything else as YAML); space file references are
     * relative to it.
     */
    public static StudyDefined read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StudyDefinitionException(
                    file.toString(), 0, 0, "", "cannot be read: " + e, e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return read(content, String.valueOf(file.getFileName()), dir);
    }

    /**
     * Reads a study from text.
     *
     * @param content YAML or JSON
     * @param sourceName the name used in messages, e.g. the file name
     * @param baseDir where relative space file references are resolved; null to forbid file
     *     references
     */
    public static StudyDefined read(String content, String sourceName, Path baseDir) {
        return read(content, sourceName, baseDir, StudyLimits.fromEnvironment(System.getenv()));
    }

    /**
     * Reads a study from text under {@code limits}, checked once on the resolved study before the
     * schema.
     *
     * @param content YAML or JSON
     * @param sourceName the name used in messages, e.g. the file name
     * @param baseDir where relative space file references are resolved; null to forbid file
     *     references
     * @param limits what a study may be
     */
    public static StudyDefined read(
            String content, String sourceName, Path baseDir, StudyLimits limits) {
        boolean json =
                sourceName.toLowerCase(Locale.ROOT).endsWith(".json")
                        || content.stripLeading().startsWith("{");
        LocatedTree tree;
        try {
            tree = LocatedTree.parse(json ? new JsonFactory() : new YAMLFactory(), content);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new StudyDefinitionException(
                    sourceName,
                    l == null ? 0 : l.getLineNr(),
                    l == null ? 0 : l.getColumnNr(),
                    "",
                    "is not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new StudyDefinitionException(
                    sourceName, 0, 0, "", "cannot be parsed: " + e.getMessage(), e);
        }
        if (!tree.root().isObject()) {
            throw new StudyDefinitionException(
                    sourceName,
                    1,
                    1,
                    "",
                    "must be a mapping with studyId, space, objectives, ...",
                    null);
        }
        ObjectNode root = (ObjectNode) tree.root();
        boolean dsnn = resolveSpace(root, tree, sourceName, baseDir);
        applyDefaults(root, dsnn);
        rejectUnknownFields(root, tree, sourceName);
        normalizeDurations(root, "", tree, sourceName);
        StudyLimitException invalid = null;
        try {
            limits.checkSize(
                    root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            if (root.get("space") != null) {
                limits.checkSpace(root.get("space"));
            }
        } catch (StudyLimitException e) {
            if (e.overLimit()) {
                throw new StudyDefinitionException(sourceName, 0, 0, "space", e.getMessage(), e);
            }
            // Not a size problem (an empty space): the schema's own messages, with lines, come
            // first.
            invalid = e;
        }
        List<EventSchemas.Violation> violations =
                EventSchemas.get().validate(EventType.STUDY_DEFINED, root);
        if (!violations.isEmpty()) {
            EventSchemas.Violation v = violations.get(0);
            throw error(
                    tree,
                    sourceName,
                    v.pointer(),
                    v.message().substring(v.message().indexOf(": ") + 2),
                    null);
        }
        if (invalid != null) {
            throw error(tree, sourceName, "/space/hyperparameters", invalid.getMessage(), invalid);
        }
        JsonNode command = root.path("workload").path("command");
        if (command.isArray() && !command.isEmpty()) {
            // A study names a program registered on the trainers; an argv from the log would run
            // anywhere.
            throw error(tree, sourceName, "/workload/command", COMMAND_REFUSED, null);
        }
        try {
            return PayloadCodec.bindValidated(StudyDefined.class, root, "study");
        } catch (EventDecodingException e) {
            String detail = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
            String pointer = e.pointer();
            String last = pointer.substring(pointer.lastIndexOf('/') + 1);
            // The message names the field itself (as 'eta' or 'objectives/1/name'); the error names
            // it once, dotted.
            if (detail.startsWith(last + " ")) {
                detail = detail.substring(last.length() + 1);
            } else if (!pointer.isEmpty() && detail.startsWith(pointer.substring(1) + " ")) {
                detail = detail.substring(pointer.length());
            }
            throw error(tree, sourceName, pointer, detail, e);
        }
    }

    private static boolean resolveSpace(
            ObjectNode root, LocatedTree tree, String source, Path baseDir) {
        JsonNode space = root.get("space");
        String ref = null;
        if (space != null && space.isTextual()) {
            ref = space.textValue().trim();
        } else if (space != null
                && space.isObject()
                && space.has("file")
                && !space.has("hyperparameters")) {
            ref = space.get("file").asText();
        }
        if (ref == null) {
            return false;
        }
        if (ref.equals(DsnnSpace.NAME)) {
            root.set("space", DsnnSpace.json());
            return true;
        }
        if (baseDir == null) {
            throw error(
                    tree,
                    source,
                    "/space",
                    "refers to the file '"
                            + ref
                            + "', but the study was not read from a "
                            + "file; inline the space or use '"
                            + DsnnSpace.NAME
                            + "'",
                    null);
        }
        Path file = baseDir.resolve(ref);
        try {
            root.set(
                    "space",
                    EventJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw error(
                    tree,
                    source,
                    "/space",
                    "refers to '"
                            + file
                            + "', which cannot be read as JSON: "
                            + e.getMessage()
                            + "; give a ConfigSpace JSON file, an inline space or '"
                            + DsnnSpace.NAME
                            + "'",
                    e);
        }
        return false;
    }

    private static void applyDefaults(ObjectNode root, boolean dsnn) {
        if (!root.has("objectives")) {
            root.set("objectives", EventJson.mapper().valueToTree(StudyDefaults.OBJECTIVES));
        }
        if (!root.has("fidelity") && dsnn) {
            root.set("fidelity", EventJson.mapper().valueToTree(StudyDefaults.DSNN_FIDELITY));
        }
    }

    /**
     * Typos in hand-written files would silently fall back to defaults, so unknown names are
     * rejected here.
     */
    private static void rejectUnknownFields(ObjectNode root, LocatedTree tree, String source) {
        check(root, StudyDefined.class, "", tree, source);
        for (var c : StudyDefined.class.getRecordComponents()) {
            JsonNode section = root.get(c.getName());
            if (section == null || c.getName().equals("space")) {
                continue;
            }
            if (c.getType().isRecord() && section.isObject()) {
                check(section, c.getType(), "/" + c.getName(), tree, source);
            } else if (c.getName().equals("objectives") && section.isArray()) {
                for (int i = 0; i < section.size(); i++) {
                    if (section.get(i).isObject()) {
                        check(
                                section.get(i),
                                io.greenband.events.payload.Objective.class,
                                "/objectives/" + i,
                                tree,
                                source);
                    }
                }
            }
        }
    }

    private static void check(
            JsonNode node, Class<?> record, String pointer, LocatedTree tree, String source) {
        List<String> known =
                java.util.Arrays.stream(record.getRecordComponents())
                        .map(c -> c.getName())
                        .toList();
        node.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!known.contains(name)) {
                                throw error(
                                        tree,
                                        source,
                                        pointer + "/" + name,
                                        "is not a known field; known fields here: " + known,
                                        null);
                            }
                        });
    }

    private static void normalizeDurations(
            JsonNode node, String pointer, LocatedTree tree, String source) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> names = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                if (DURATION_FIELDS.contains(name) && v.isTextual()) {
                    Matcher m = DURATION.matcher(v.textValue().trim());
                    if (!m.matches()) {
                        throw error(
                                tree,
                                source,
                                pointer + "/" + name,
                                "must be a number of seconds or a duration like "
                                        + "90s, 10m, 2h, 1d; got '"
                                        + v.textValue()
                                        + "'",
                                null);
                    }
                    long unit =
                            switch (m.group(2)) {
                                case "m" -> 60;
                                case "h" -> 3600;
                                case "d" -> 86400;
                                default -> 1;
                            };
                    o.put(name, Long.parseLong(m.group(1)) * unit);
                } else if (!name.equals("space")) {
                    normalizeDurations(v, pointer + "/" + name, tree, source);
                }
            }
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                normalizeDurations(a.get(i), pointer + "/" + i, tree, source);
            }
        }
    }

    private static StudyDefinitionException error(
            LocatedTree tree, String source, String pointer, String detail, Throwable cause) {
        JsonLocation l = tree.locate(pointer).orElse(null);
        return new StudyDefinitionException(
                source,
                l == null ? 0 : l.getLineNr(),
                l == null ? 0 : l.getColumnNr(),
                dotted(pointer),
                detail,
                cause);
    }

    /** {@code /objectives/1/source} as {@code objectives[1].source}. */
    static String dotted(String pointer) {
        StringBuilder b = new StringBuilder();
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String t = token.replace("~1", "/").replace("~0", "~");
            if (t.chars().allMatch(Character::isDigit)) {
                b.append('[').append(t).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(t);
            }
        }
        return b.toString();
    }
}
