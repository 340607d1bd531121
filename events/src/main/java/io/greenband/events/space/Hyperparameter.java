package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One hyperparameter of a {@link ConfigSpace}. Implementations are immutable records that check
 * their own definition (bounds, choices, default) and say whether a value is legal.
 */
public sealed interface Hyperparameter
        permits NumericHyperparameter, Categorical, Ordinal, Constant {

    /** The name, unique in its space. */
    String name();

    /** The ConfigSpace JSON {@code type}, e.g. {@code uniform_float}. */
    String type();

    /** The default value. */
    Object defaultValue();

    /** Opaque user metadata ({@code meta}), possibly null. */
    JsonNode meta();

    /**
     * Why {@code value} is not legal for this hyperparameter, naming it and the bound or choices;
     * null if legal.
     */
    String illegality(Object value);

    /** Whether {@code value} is legal. */
    default boolean isLegal(Object value) {
        return illegality(value) == null;
    }

    /**
     * The value's position in [0, 1] (numeric) or its index (categorical, ordinal), per
     * suggester.md §5.6.
     */
    double toVector(Object value);

    /** The value at vector position {@code x} (inverse of {@link #toVector}). */
    Object fromVector(double x);

    /** Whether values can be ordered (numeric and ordinal), as LT/GT conditions require. */
    boolean ordered();

    /** Compares two legal values in this hyperparameter's order (ordinal: by position). */
    default int compare(Object a, Object b) {
        return Values.compare(a, b);
    }
}
