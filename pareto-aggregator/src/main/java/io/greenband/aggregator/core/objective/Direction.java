package io.greenband.aggregator.core.objective;

import java.util.Locale;

/** Whether an objective is to be made small or large. */
public enum Direction {
    /** Smaller is better. */
    MINIMIZE,
    /** Larger is better; negated before entering a front. */
    MAXIMIZE;

    /** The value as a front sees it (fronts minimize). */
    public double toMinimized(double value) {
        return this == MAXIMIZE ? -value : value;
    }

    /**
     * Parses {@code minimize}/{@code maximize} (also {@code min}/{@code max}), case-insensitive.
     */
    public static Direction parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "minimize", "min" -> MINIMIZE;
            case "maximize", "max" -> MAXIMIZE;
            default ->
                    throw new IllegalArgumentException(
                            "direction '" + text + "' is unknown: use minimize or maximize");
        };
    }
}
