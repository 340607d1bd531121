package io.greenband.events.study;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A JSON tree parsed from YAML or JSON that remembers where each value came from, so errors found
 * later (by schema or record checks, as JSON pointers) can name the line and column.
 */
final class LocatedTree {

    private static final Pattern YAML_INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern YAML_NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private final JsonNode root;
    private final Map<String, JsonLocation> locations;

    private LocatedTree(JsonNode root, Map<String, JsonLocation> locations) {
        this.root = root;
        this.locations = locations;
    }

    /**
     * Parses {@code content} with {@code factory} (a {@code JsonFactory} or {@code YAMLFactory}).
     */
    static LocatedTree parse(JsonFactory factory, String content) throws IOException {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser p = factory.createParser(content)) {
            if (p.nextToken() == null) {
                return new LocatedTree(JsonNodeFactory.instance.missingNode(), locations);
            }
            JsonNode root = read(p, "", locations);
            if (p.nextToken() != null && p.currentToken() != JsonToken.NOT_AVAILABLE) {
                throw new JsonParseFailure(
                        "unexpected content after the document", p.currentTokenLocation());
            }
            return new LocatedTree(root, locations);
        }
    }

    private static JsonNode read(JsonParser p, String pointer, Map<String, JsonLocation> locations)
            throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        locations.putIfAbsent(pointer, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                    if (o.has(name)) {
                        throw new JsonParseFailure(
                                "'" + name + "' appears twice", p.currentTokenLocation());
                    }
                    locations.put(child, p.currentTokenLocation());
                    p.nextToken();
                    o.set(name, read(p, child, locations));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, pointer + "/" + i++, locations));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> f.numberNode(p.getIntValue());
                    case LONG -> f.numberNode(p.getLongValue());
                    default -> f.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(floatValue(p));
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> throw new JsonParseFailure("unexpected " + t, p.currentTokenLocation());
        }
    }

    /**
     * The float at the parser. YAML's {@code .inf} and {@code .nan} are kept as the doubles they
     * name, so the record checks can refuse them with the field's name instead of a bare parse
     * error.
     */
    private static double floatValue(JsonParser p) throws IOException {
        String text = p.getText().trim();
        if (YAML_INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (YAML_NAN.matcher(text).matches()) {
            return Double.NaN;
        }
        return p.getDoubleValue();
    }

    /** The tree. */
    JsonNode root() {
        return root;
    }

    /** Where the value at {@code pointer} (or its nearest located ancestor) starts. */
    Optional<JsonLocation> locate(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation l = locations.get(p);
            if (l != null) {
                return Optional.of(l);
            }
            if (p.isEmpty()) {
                return Optional.empty();
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** A parse failure with a location. */
    static final class JsonParseFailure extends JsonProcessingException {
        JsonParseFailure(String message, JsonLocation location) {
            super(message, location);
        }
    }
}
