package io.greenband.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** Canonical JSON (object keys sorted, nulls left out) and its SHA-256, for fingerprints. */
final class CanonicalJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private CanonicalJson() {}

    /** The value as a tree with every object's keys sorted. */
    static JsonNode canonical(Object value) {
        return sort(MAPPER.valueToTree(value));
    }

    /** Hex SHA-256 of the canonical JSON bytes of {@code tree}. */
    static String sha256(JsonNode tree) {
        try {
            byte[] bytes = MAPPER.writeValueAsBytes(sort(tree));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash canonical JSON", e);
        }
    }

    private static JsonNode sort(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            for (String n : names) {
                if (!node.get(n).isNull()) {
                    sorted.set(n, sort(node.get(n)));
                }
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> arr.add(sort(e)));
            return arr;
        }
        if (node.isIntegralNumber()) {
            return JsonNodeFactory.instance.numberNode(node.bigIntegerValue());
        }
        return node;
    }
}
