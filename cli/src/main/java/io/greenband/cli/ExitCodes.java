package io.greenband.cli;

/** The exit codes of {@code greenband}; docs/cli.md lists them too. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;

    /** A failure while running that fits no other code. */
    public static final int FAILED = 1;

    /** Bad command line (unknown option, missing argument): picocli's usage code. */
    public static final int USAGE = 2;

    /** The study file is invalid. */
    public static final int INVALID_STUDY = 3;

    /** The study exists with a different fingerprint (or is otherwise in the way). */
    public static final int CONFLICT = 4;

    /** A study, file, built artifact or data set was not found. */
    public static final int NOT_FOUND = 5;

    /** Kafka/MongoDB unreachable, embedded stack failed to start, or a port is in use. */
    public static final int STACK = 6;

    /** A service failed to start or stopped unexpectedly. */
    public static final int SERVICE = 7;

    /** Interrupted (Ctrl-C). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
