package io.greenband.events.codec;

/**
 * The one exception the codec throws for input it cannot accept. {@link #kind()} says what class of
 * problem it is, {@link #pointer()} where (a JSON pointer into the payload such as {@code
 * /config/lr}, or the header name), and the message what was expected. Consumers dead-letter the
 * record with this message as reason.
 */
public final class EventDecodingException extends RuntimeException {

    /** What class of problem a record has. */
    public enum Kind {
        /**
         * A required CloudEvents header (ce_specversion, ce_id, ce_type, ce_source) is missing or
         * empty.
         */
        MISSING_HEADER,
        /**
         * Not a binary or structured CloudEvent we can read: unsupported spec version or content
         * type.
         */
        UNSUPPORTED_ENCODING,
        /** The ce_type is not one of ours at this major version. */
        UNKNOWN_TYPE,
        /** The value is not JSON (or is empty). */
        MALFORMED_JSON,
        /** The JSON does not match the type's JSON Schema. */
        SCHEMA_VIOLATION,
        /** The JSON matches the schema but breaks an invariant of the payload record. */
        INVALID_VALUE,
        /** The record has no value at all (a tombstone); no greenband topic holds deletions. */
        TOMBSTONE,
        /** The value is empty. */
        EMPTY_VALUE,
        /** A header or the value is longer than any event of ours may be. */
        TOO_LARGE,
        /**
         * A CloudEvents header is present but unusable: spec version other than 1.0, a time that
         * does not parse.
         */
        BAD_ENVELOPE,
        /** The ce_type is ours but does not belong on the topic the record was read from. */
        WRONG_TYPE,
        /** A study passes a limit of what a study may be (a setting can raise it). */
        STUDY_LIMIT,
        /** A study that cannot be one: an empty space, a space or definition that does not read. */
        INVALID_STUDY
    }

    private final Kind kind;
    private final String pointer;

    private EventDecodingException(Kind kind, String pointer, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.pointer = pointer;
    }

    /** What class of problem it is. */
    public Kind kind() {
        return kind;
    }

    /**
     * Where: a JSON pointer into the payload ({@code ""} for the whole payload) or a header name.
     */
    public String pointer() {
        return pointer;
    }

    /** Any kind with its message. */
    public static EventDecodingException of(
            Kind kind, String pointer, String message, Throwable cause) {
        return new EventDecodingException(kind, pointer, message, cause);
    }

    /** A required header is missing. */
    public static EventDecodingException missingHeader(String header, String expected) {
        return new EventDecodingException(
                Kind.MISSING_HEADER,
                header,
                "header " + header + " is missing or empty; expected " + expected,
                null);
    }

    /** The record is not a CloudEvent encoding we read. */
    public static EventDecodingException unsupportedEncoding(
            String where, String detail, Throwable cause) {
        return new EventDecodingException(
                Kind.UNSUPPORTED_ENCODING, where, where + ": " + detail, cause);
    }

    /** The type is not ours. */
    public static EventDecodingException unknownType(String ceType, String expected) {
        return new EventDecodingException(
                Kind.UNKNOWN_TYPE,
                "ce_type",
                "ce_type '"
                        + ceType
                        + "' is not a known greenband event type; expected one of "
                        + expected,
                null);
    }

    /** The payload is not JSON. */
    public static EventDecodingException malformedJson(String detail, Throwable cause) {
        return new EventDecodingException(
                Kind.MALFORMED_JSON, "", "payload is not valid JSON: " + detail, cause);
    }

    /** The payload breaks its schema at {@code pointer}. */
    public static EventDecodingException schemaViolation(String pointer, String message) {
        return new EventDecodingException(Kind.SCHEMA_VIOLATION, pointer, message, null);
    }

    /** The payload holds an invalid value at {@code pointer}. */
    public static EventDecodingException invalidValue(
            String pointer, String message, Throwable cause) {
        return new EventDecodingException(Kind.INVALID_VALUE, pointer, message, cause);
    }
}
