package io.greenband.suggester.driver;

import io.greenband.events.payload.TrialSuggested;

/**
 * A trial asked of the optimizer and not yet told, as stored in a snapshot.
 *
 * @param coreTrialId the optimizer's trial id
 * @param suggestion the latest suggestion published for it (its attempt is the current one)
 * @param running whether its lease is running (false once the trainer reported it finished)
 */
public record InFlight(long coreTrialId, TrialSuggested suggestion, boolean running) {}
