package io.greenband.suggester.core.space;

/**
 * The kinds of hyperparameters, which decide how a vector entry is sampled, varied and fed to the
 * surrogate.
 */
public enum ParamKind {
    /** A real number; vector entry in [0,1] (on the log scale when log). */
    FLOAT,
    /** An integer; vector entry in [0,1] on the integer grid. */
    INT,
    /** An unordered choice; vector entry is the choice index. */
    CATEGORICAL,
    /** An ordered sequence; vector entry is the position. */
    ORDINAL,
    /** A fixed value; vector entry 0. */
    CONSTANT
}
