package io.greenband.trainer.runner;

/** The trainer's boundary exception: every trial failure carries one of these kinds. */
public final class TrainerException extends RuntimeException {

    /** Why a trial failed. */
    public enum Kind {
        /** The configuration, fidelity or request is invalid. */
        INVALID_CONFIG,
        /** Data could not be found, downloaded or read. */
        DATA,
        /** The loss or a metric became NaN or infinite. */
        DIVERGED,
        /** Host or device memory ran out. */
        OUT_OF_MEMORY,
        /** The trial was interrupted or cancelled. */
        INTERRUPTED,
        /** An external training command failed or broke the protocol. */
        COMMAND,
        /** Anything else. */
        INTERNAL
    }

    private final Kind kind;

    /**
     * @param kind failure kind; @param message what happened and, where possible, how to fix it
     */
    public TrainerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Failure kind. */
    public Kind kind() {
        return kind;
    }

    /** An invalid configuration. */
    public static TrainerException invalidConfig(String message, Throwable cause) {
        return new TrainerException(Kind.INVALID_CONFIG, message, cause);
    }

    /** A numeric divergence. */
    public static TrainerException diverged(String message) {
        return new TrainerException(Kind.DIVERGED, message, null);
    }

    /**
     * Classifies any throwable: our own kind when it is a {@code TrainerException}, out of memory
     * for {@link OutOfMemoryError} and engine errors mentioning it, invalid configuration for
     * {@link IllegalArgumentException}, internal otherwise.
     */
    public static TrainerException classify(Throwable error) {
        if (error instanceof TrainerException trainer) {
            return trainer;
        }
        String text = String.valueOf(error.getMessage());
        String message = error.getClass().getSimpleName() + ": " + text;
        if (error instanceof OutOfMemoryError
                || text.contains("out of memory")
                || text.contains("OutOfMemory")
                || text.contains("DefaultCPUAllocator: can't allocate memory")) {
            return new TrainerException(Kind.OUT_OF_MEMORY, message, error);
        }
        if (error instanceof InterruptedException) {
            return new TrainerException(Kind.INTERRUPTED, message, error);
        }
        if (error instanceof IllegalArgumentException) {
            return new TrainerException(Kind.INVALID_CONFIG, message, error);
        }
        return new TrainerException(Kind.INTERNAL, message, error);
    }
}
