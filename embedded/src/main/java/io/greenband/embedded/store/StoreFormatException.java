package io.greenband.embedded.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A store file that holds data but not in {@link BsonH2Backend#FORMAT} (e.g. written by an older
 * version).
 */
public final class StoreFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String found;

    StoreFormatException(Path file, String found) {
        super(
                "MongoDB store "
                        + file
                        + (found == null
                                ? " has no format marker (it was written in an older format,"
                                        + " with documents in Java serialization)"
                                : " is in format '" + found + "'")
                        + "; this version reads '"
                        + BsonH2Backend.FORMAT
                        + "' only");
        this.file = file;
        this.found = found;
    }

    /** The store file. */
    public Path file() {
        return file;
    }

    /** The marker found, empty when there is none (a file of the older, Java-serialized format). */
    public Optional<String> found() {
        return Optional.ofNullable(found);
    }
}
