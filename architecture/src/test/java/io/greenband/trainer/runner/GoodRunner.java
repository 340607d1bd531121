package io.greenband.trainer.runner;

import java.time.Duration;

/** Good sample: a trainer runner using Java only. */
public final class GoodRunner {

    /** The time left of a budget. */
    public Duration left(Duration budget, Duration spent) {
        return budget.minus(spent).isNegative() ? Duration.ZERO : budget.minus(spent);
    }
}
