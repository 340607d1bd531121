package io.greenband.aggregator.driver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The engine's notion of now: event time (the newest event seen) and sample time (the newest sample
 * window end), moved on by the wall clock only while nothing arrives, so a replay of the same
 * events gives the same results. An event stamped more than the maximum clock skew ahead of the
 * wall clock does not move time: one producer with a clock far ahead must not finalize everyone's
 * trials early.
 */
final class EventClock {

    private final Clock wall;
    private final Duration maxSkew;
    private Instant eventTime = Instant.EPOCH;
    private Instant sampleTime = Instant.EPOCH;
    private Instant lastAdvanceAt;

    EventClock(Clock wall, Duration maxSkew) {
        if (maxSkew.isNegative()) {
            throw new IllegalArgumentException(
                    "maxClockSkew is " + maxSkew + ": give zero or a positive duration");
        }
        this.wall = wall;
        this.maxSkew = maxSkew;
        this.lastAdvanceAt = wall.instant();
    }

    /**
     * Moves event time (and sample time for a sample) on to {@code t} unless it lies beyond the
     * skew bound.
     */
    void advance(Instant t, boolean sample) {
        Instant now = wall.instant();
        if (t.isAfter(now.plus(maxSkew))) {
            return;
        }
        if (t.isAfter(eventTime)) {
            eventTime = t;
            lastAdvanceAt = now;
        }
        if (sample && t.isAfter(sampleTime)) {
            sampleTime = t;
            lastAdvanceAt = now;
        }
    }

    /** Wall-clock time since time last moved, never negative. */
    Duration idle() {
        Duration idle = Duration.between(lastAdvanceAt, wall.instant());
        return idle.isNegative() ? Duration.ZERO : idle;
    }

    /**
     * Now for energy: sample time plus {@code idle} (a grace period waits for samples, not trial
     * events).
     */
    Instant energyNow(Duration idle) {
        return sampleTime.plus(idle);
    }

    /** Now for objective waits: the older of sample and event time plus {@code idle}. */
    Instant waitsNow(Duration idle) {
        // Waits end by the older clock: energy that has not been measured yet is not late.
        return (sampleTime.isBefore(eventTime) ? sampleTime : eventTime).plus(idle);
    }
}
