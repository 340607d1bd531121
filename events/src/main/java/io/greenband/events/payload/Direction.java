package io.greenband.events.payload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an objective is minimized or maximized; written {@code minimize} / {@code maximize}. */
public enum Direction {
    MINIMIZE,
    MAXIMIZE;

    /** The JSON spelling. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code minimize}/{@code maximize} (any case). */
    @JsonCreator
    public static Direction fromJson(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "minimize" -> MINIMIZE;
            case "maximize" -> MAXIMIZE;
            default ->
                    throw new InvalidFieldException(
                            "direction",
                            "direction must be 'minimize' or 'maximize', got '" + text + "'");
        };
    }
}
