package io.greenband.events.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of greenband payloads: camelCase fields as named in the records, ISO-8601
 * instants, absent (not null) optional fields, unknown fields ignored (forward compatibility),
 * duplicate keys rejected (ambiguous input).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER =
            configure(
                    JsonMapper.builder()
                            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                            .build());

    private EventJson() {}

    /** The shared, thread-safe mapper. Do not reconfigure it; {@link #configure} a copy instead. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies greenband's JSON settings to {@code mapper} (e.g. a YAML mapper) and returns it. */
    public static <M extends ObjectMapper> M configure(M mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // Optional primitives (seed, wraps, revision...) default to 0/false; the schemas require
        // the rest.
        mapper.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        return mapper;
    }
}
