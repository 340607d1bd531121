package io.greenband.events.payload;

/**
 * A payload value broke an invariant. {@link #field()} names the offending field relative to the
 * record that rejected it (e.g. {@code windowEnd} or {@code metrics/val_loss}), so decoders can
 * turn it into a JSON pointer.
 */
public final class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    /**
     * @param field the field, relative to the record that checks it, '/'-separated for nested
     *     values
     * @param message what is wrong and what is expected; should start with the field name
     */
    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field, relative to the record that rejected it. */
    public String field() {
        return field;
    }
}
