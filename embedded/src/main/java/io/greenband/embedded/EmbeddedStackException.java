package io.greenband.embedded;

import java.util.Objects;

/**
 * The one exception the embedded stack throws: what went wrong ({@link Kind}) and a message that
 * names the port, directory or topic involved and what to do about it.
 */
public final class EmbeddedStackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What part of starting, using or stopping the stack failed. */
    public enum Kind {
        /** A fixed port is taken by another process. */
        PORT_IN_USE,
        /** The data directory cannot be created, locked, read or written. */
        DATA_DIRECTORY,
        /** The Kafka broker failed to format its storage, start or stop. */
        KAFKA,
        /** The MongoDB wire-protocol server failed to start or stop. */
        MONGO,
        /** Topics of the registry could not be created or checked. */
        TOPICS,
        /** A stack running as a child JVM failed to start or report its addresses. */
        CHILD_PROCESS
    }

    private final Kind kind;

    private EmbeddedStackException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What failed. */
    public Kind kind() {
        return kind;
    }

    static EmbeddedStackException portInUse(String what, int port, String option, Throwable cause) {
        return new EmbeddedStackException(
                Kind.PORT_IN_USE,
                what
                        + " port "
                        + port
                        + " on 127.0.0.1 is already in use"
                        + " (another broker/server, or a stack that is still running?): stop that process, choose another"
                        + " port with "
                        + option
                        + ", or leave the port unset to use a free one",
                cause);
    }

    static EmbeddedStackException noFreePort(String what, Throwable cause) {
        return new EmbeddedStackException(
                Kind.PORT_IN_USE,
                "no free loopback port for "
                        + what
                        + " ("
                        + cause.getMessage()
                        + "): free some ports or set a fixed one",
                cause);
    }

    static EmbeddedStackException dataDirectory(String message, Throwable cause) {
        return new EmbeddedStackException(Kind.DATA_DIRECTORY, message, cause);
    }

    static EmbeddedStackException kafka(String message, Throwable cause) {
        return new EmbeddedStackException(Kind.KAFKA, message, cause);
    }

    static EmbeddedStackException mongo(String message, Throwable cause) {
        return new EmbeddedStackException(Kind.MONGO, message, cause);
    }

    static EmbeddedStackException topics(String message, Throwable cause) {
        return new EmbeddedStackException(Kind.TOPICS, message, cause);
    }

    static EmbeddedStackException childProcess(String message, Throwable cause) {
        return new EmbeddedStackException(Kind.CHILD_PROCESS, message, cause);
    }
}
