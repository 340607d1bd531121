package io.greenband.events.space;

/**
 * A ConfigSpace JSON document could not be read. {@link #pointer()} is the JSON pointer of the
 * offending entry (e.g. {@code /hyperparameters/3/lower}); the message names it and says how to fix
 * it.
 */
public final class ConfigSpaceFormatException extends IllegalArgumentException {

    private final String pointer;

    /**
     * @param pointer JSON pointer of the offending entry
     * @param message what is wrong and the fix
     * @param cause the underlying check that failed, possibly null
     */
    public ConfigSpaceFormatException(String pointer, String message, Throwable cause) {
        super((pointer.isEmpty() ? "/" : pointer) + ": " + message, cause);
        this.pointer = pointer;
    }

    /** JSON pointer of the offending entry ({@code ""} for the whole document). */
    public String pointer() {
        return pointer;
    }
}
