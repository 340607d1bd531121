package io.greenband.events.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.greenband.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas (draft 2020-12) of every event type, loaded once from {@code
 * schemas/<kebab-name>.v1.json} on the classpath. Thread-safe.
 */
public final class EventSchemas {

    /**
     * One schema violation.
     *
     * @param pointer JSON pointer of the offending value (for a missing property: where it should
     *     be)
     * @param message what is wrong, starting with the pointer
     */
    public record Violation(String pointer, String message) {}

    private static final EventSchemas INSTANCE = new EventSchemas();

    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    private EventSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true)
                        .build();
        for (EventType t : EventType.values()) {
            try (InputStream in =
                    EventSchemas.class.getClassLoader().getResourceAsStream(t.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException(
                            "schema resource "
                                    + t.schemaResource()
                                    + " is missing from the classpath");
                }
                schemas.put(t, factory.getSchema(in, config));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read schema " + t.schemaResource(), e);
            }
        }
    }

    /** The shared instance. */
    public static EventSchemas get() {
        return INSTANCE;
    }

    /** The schema's JSON of {@code type}. */
    public JsonNode schema(EventType type) {
        return schemas.get(type).getSchemaNode();
    }

    /**
     * Violations of {@code type}'s schema by {@code payload}, sorted by pointer; empty when valid.
     */
    public List<Violation> validate(EventType type, JsonNode payload) {
        List<Violation> out = new ArrayList<>();
        for (ValidationMessage m : schemas.get(type).validate(payload)) {
            String at = m.getInstanceLocation().toString();
            if ("required".equals(m.getType()) && m.getProperty() != null) {
                at = (at.equals("/") ? "" : at) + "/" + escape(m.getProperty());
            }
            if (at.equals("/")) {
                at = "";
            }
            out.add(new Violation(at, (at.isEmpty() ? "/" : at) + ": " + detail(m)));
        }
        out.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::message));
        return out;
    }

    /** A short statement of what was expected, with the value found where it helps. */
    private static String detail(ValidationMessage m) {
        Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
        JsonNode found = m.getInstanceNode();
        String got = found == null || found.isMissingNode() ? "" : ", got " + found;
        String arg = args.length > 0 ? String.valueOf(args[0]) : "?";
        switch (String.valueOf(m.getType())) {
            case "required":
                return "is required";
            case "minimum":
                return "must be >= " + arg + got;
            case "exclusiveMinimum":
                return "must be > " + arg + got;
            case "maximum":
                return "must be <= " + arg + got;
            case "exclusiveMaximum":
                return "must be < " + arg + got;
            case "enum":
                return "must be one of " + arg + got;
            case "minItems":
                return "must have at least " + arg + " item(s)";
            case "minLength":
                return "must not be empty";
            case "pattern":
                return "must match " + arg + got;
            default:
                String text = m.getMessage();
                String loc = m.getInstanceLocation().toString();
                return text.startsWith(loc + ": ") ? text.substring(loc.length() + 2) : text;
        }
    }

    /** Escapes one JSON pointer token ({@code ~} and {@code /}). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
