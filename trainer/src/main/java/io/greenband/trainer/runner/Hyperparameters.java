package io.greenband.trainer.runner;

import java.util.Map;

/**
 * The configuration a trial runs with: a parsed DSNN {@link TrialConfig}, or a {@link
 * CommandConfig} that a user's program receives exactly as the suggester proposed it.
 */
public sealed interface Hyperparameters permits TrialConfig, CommandConfig {

    /** The configuration under its keys, as handed to programs in the trial JSON. */
    Map<String, Object> toMap();
}
