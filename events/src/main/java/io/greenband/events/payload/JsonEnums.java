package io.greenband.events.payload;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JSON spelling of the payloads' enums: the constant's name in lower case, read back in any
 * case.
 */
final class JsonEnums {

    private JsonEnums() {}

    /** {@code value}'s JSON spelling. */
    static String json(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code type} spelled {@code text}; otherwise an error naming {@code field}
     * and the choices.
     */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
        String wanted = text == null ? "" : text.trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        String choices =
                Arrays.stream(type.getEnumConstants())
                        .map(JsonEnums::json)
                        .collect(Collectors.joining(", "));
        throw new InvalidFieldException(
                field, field + " must be one of " + choices + "; got '" + text + "'");
    }
}
