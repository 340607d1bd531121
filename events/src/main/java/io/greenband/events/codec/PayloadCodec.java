package io.greenband.events.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.greenband.events.EventType;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.InvalidFieldException;
import io.greenband.events.payload.PayloadTypes;
import io.greenband.events.study.StudyLimitException;
import io.greenband.events.study.StudyLimits;
import java.util.List;
import java.util.Objects;

/**
 * Payload records to JSON and back, with Jackson and the JSON Schemas only: no envelope, no broker.
 * Decoding validates against the type's schema, tolerates unknown fields and throws one {@link
 * EventDecodingException} naming the field for anything else; a study is checked against its {@link
 * StudyLimits} first, in one linear pass. The CloudEvents/Kafka binding ({@code
 * io.greenband.events.kafka.EventCodec}) wraps one. Immutable and thread-safe.
 */
public final class PayloadCodec {

    /** Default study limits, no validation on encode. */
    public static final PayloadCodec DEFAULT = new PayloadCodec(StudyLimits.DEFAULTS, false);

    private final StudyLimits studyLimits;
    private final boolean validateOnEncode;

    /**
     * A codec decoding studies under {@code studyLimits}, validating what it encodes when {@code
     * validateOnEncode}.
     */
    public PayloadCodec(StudyLimits studyLimits, boolean validateOnEncode) {
        this.studyLimits = Objects.requireNonNull(studyLimits, "studyLimits");
        this.validateOnEncode = validateOnEncode;
    }

    /** The limits studies are decoded under. */
    public StudyLimits studyLimits() {
        return studyLimits;
    }

    /**
     * The most bytes a record's value may hold: the largest study allowed plus room for its
     * envelope.
     */
    public long maxValueBytes() {
        return Math.max(studyLimits.maxStudyBytes(), 1_000_000L) + 64 * 1024;
    }

    /** The payload as JSON bytes (validated against its schema when the codec is so configured). */
    public byte[] toJson(GreenbandEvent event) {
        Objects.requireNonNull(event, "event");
        JsonNode tree = EventJson.mapper().valueToTree(event);
        if (validateOnEncode) {
            List<EventSchemas.Violation> v = EventSchemas.get().validate(event.type(), tree);
            if (!v.isEmpty()) {
                throw new IllegalStateException(
                        "encoded " + event.type().ceType() + " breaks its schema: " + v);
            }
        }
        try {
            return EventJson.mapper().writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.type().ceType(), e);
        }
    }

    /** Decodes a bare JSON payload of a known type: parse, validate against the schema, bind. */
    public GreenbandEvent decodePayload(EventType type, byte[] json) {
        if (json == null || json.length == 0) {
            throw EventDecodingException.of(
                    json == null
                            ? EventDecodingException.Kind.TOMBSTONE
                            : EventDecodingException.Kind.EMPTY_VALUE,
                    "",
                    "the record has no value; expected a JSON object of " + type.ceType(),
                    null);
        }
        if (type == EventType.STUDY_DEFINED) {
            return decodeStudy(json);
        }
        JsonNode tree;
        try {
            tree = EventJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            String msg =
                    e instanceof JsonProcessingException p
                            ? p.getOriginalMessage()
                            : e.getMessage();
            String where =
                    e instanceof JsonProcessingException p && p.getLocation() != null
                            ? " (line "
                                    + p.getLocation().getLineNr()
                                    + ", column "
                                    + p.getLocation().getColumnNr()
                                    + ")"
                            : "";
            throw EventDecodingException.malformedJson(msg + where, e);
        }
        return bind(type, tree);
    }

    /**
     * A study: its size and space checked against the limits first (one linear pass), then read.
     */
    private GreenbandEvent decodeStudy(byte[] json) {
        JsonNode tree;
        try {
            studyLimits.checkSize(json.length);
            tree = EventJson.mapper().readTree(json);
            if (tree == null || !tree.isObject()) {
                throw EventDecodingException.of(
                        EventDecodingException.Kind.INVALID_STUDY,
                        "",
                        "a study must be a JSON object",
                        null);
            }
            studyLimits.checkSpace(tree.get("space"));
        } catch (StudyLimitException e) {
            throw EventDecodingException.of(
                    e.overLimit()
                            ? EventDecodingException.Kind.STUDY_LIMIT
                            : EventDecodingException.Kind.INVALID_STUDY,
                    "/space",
                    e.getMessage(),
                    e);
        } catch (java.io.IOException e) {
            String msg =
                    e instanceof JsonProcessingException p
                            ? p.getOriginalMessage()
                            : e.getMessage();
            throw EventDecodingException.malformedJson(msg, e);
        }
        return bind(EventType.STUDY_DEFINED, tree);
    }

    /** Validates {@code tree} against {@code type}'s schema and binds it to the payload record. */
    public static GreenbandEvent bind(EventType type, JsonNode tree) {
        List<EventSchemas.Violation> violations = EventSchemas.get().validate(type, tree);
        if (!violations.isEmpty()) {
            EventSchemas.Violation first = violations.get(0);
            String more =
                    violations.size() > 1
                            ? " (and "
                                    + (violations.size() - 1)
                                    + " more: "
                                    + violations.subList(1, Math.min(violations.size(), 4)).stream()
                                            .map(EventSchemas.Violation::message)
                                            .toList()
                                    + ")"
                            : "";
            throw EventDecodingException.schemaViolation(
                    first.pointer(), type.kebabName() + " " + first.message() + more);
        }
        return bindValidated(PayloadTypes.classOf(type), tree, type.kebabName());
    }

    /**
     * Binds {@code tree} to {@code cls}, turning every binding failure into INVALID_VALUE with a
     * pointer.
     */
    public static <T> T bindValidated(Class<T> cls, JsonNode tree, String what) {
        try {
            return EventJson.mapper().treeToValue(tree, cls);
        } catch (JsonMappingException e) {
            StringBuilder pointer = new StringBuilder();
            String last = null;
            for (JsonMappingException.Reference r : e.getPath()) {
                last = r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex());
                pointer.append('/').append(EventSchemas.escape(last));
            }
            Throwable cause = e;
            while (cause != null && !(cause instanceof InvalidFieldException)) {
                cause = cause.getCause();
            }
            String message;
            if (cause instanceof InvalidFieldException f) {
                if (!f.field().equals(last)) {
                    pointer.append('/').append(f.field());
                }
                message = f.getMessage();
            } else if (e.getCause() instanceof IllegalArgumentException iae
                    && iae.getMessage() != null) {
                message = iae.getMessage();
            } else {
                message = e.getOriginalMessage();
            }
            String at = pointer.length() == 0 ? "/" : pointer.toString();
            throw EventDecodingException.invalidValue(
                    pointer.toString(), what + " " + at + ": " + message, e);
        } catch (JsonProcessingException e) {
            throw EventDecodingException.malformedJson(e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw EventDecodingException.invalidValue("", what + " /: " + e.getMessage(), e);
        }
    }
}
