package io.greenband.suggester.core.history;

/** How a configuration was chosen (provenance carried with each trial). */
public enum Origin {
    /** The model-free initial design. */
    INITIAL_DESIGN,
    /** Maximizing the acquisition function over the surrogate. */
    MODEL,
    /** The random interleave among model-based suggestions. */
    RANDOM_INTERLEAVE,
    /** Random sampling: a model-free strategy, or too little data for a model. */
    RANDOM
}
