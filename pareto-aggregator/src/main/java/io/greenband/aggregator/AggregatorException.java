package io.greenband.aggregator;

/**
 * The aggregator's boundary exception: what adapters throw, with a kind that callers (and the REST
 * exception mapper) map to a response.
 */
public final class AggregatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The store could not be read or written. */
        STORE_FAILED,
        /** A stored or received document does not have the expected shape. */
        MALFORMED_DOCUMENT,
        /** Something asked for does not exist. */
        NOT_FOUND,
        /** The state of a restarted aggregator could not be rebuilt from the topics. */
        RECOVERY_FAILED
    }

    private final Kind kind;

    private AggregatorException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** The store failed. */
    public static AggregatorException storeFailed(String what, Throwable cause) {
        return new AggregatorException(
                Kind.STORE_FAILED, what + " failed: " + cause.getMessage(), cause);
    }

    /** A document is malformed. */
    public static AggregatorException malformed(String message, Throwable cause) {
        return new AggregatorException(Kind.MALFORMED_DOCUMENT, message, cause);
    }

    /** Something is missing. */
    public static AggregatorException notFound(String message) {
        return new AggregatorException(Kind.NOT_FOUND, message, null);
    }

    /** Rebuilding the state after a restart failed. */
    public static AggregatorException recoveryFailed(String message, Throwable cause) {
        return new AggregatorException(Kind.RECOVERY_FAILED, message, cause);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }
}
