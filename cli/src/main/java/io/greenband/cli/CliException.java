package io.greenband.cli;

/**
 * The one exception the command reports to users: a message that says what went wrong and what to
 * do, and a {@link Kind} that picks the exit code ({@link ExitCodes}). It is printed as one line;
 * {@code --verbose} adds the trace.
 */
public final class CliException extends RuntimeException {

    /** What kind of failure, each with its exit code. */
    public enum Kind {
        /** The study file is invalid (message names the field and line). */
        INVALID_STUDY(ExitCodes.INVALID_STUDY),
        /** A study exists with another definition, or the request contradicts the log. */
        CONFLICT(ExitCodes.CONFLICT),
        /** A study, file, artifact or data set does not exist. */
        NOT_FOUND(ExitCodes.NOT_FOUND),
        /** Kafka or MongoDB cannot be reached, or a port is in use. */
        STACK(ExitCodes.STACK),
        /** A service did not start or died. */
        SERVICE(ExitCodes.SERVICE),
        /** Anything else that failed while running. */
        FAILED(ExitCodes.FAILED);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        /** The process exit code for this kind. */
        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    private CliException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** What kind of failure this is. */
    public Kind kind() {
        return kind;
    }

    public static CliException invalidStudy(String message, Throwable cause) {
        return new CliException(Kind.INVALID_STUDY, message, cause);
    }

    public static CliException conflict(String message) {
        return new CliException(Kind.CONFLICT, message, null);
    }

    public static CliException notFound(String message) {
        return new CliException(Kind.NOT_FOUND, message, null);
    }

    public static CliException stack(String message, Throwable cause) {
        return new CliException(Kind.STACK, message, cause);
    }

    public static CliException service(String message, Throwable cause) {
        return new CliException(Kind.SERVICE, message, cause);
    }

    public static CliException failed(String message, Throwable cause) {
        return new CliException(Kind.FAILED, message, cause);
    }
}
