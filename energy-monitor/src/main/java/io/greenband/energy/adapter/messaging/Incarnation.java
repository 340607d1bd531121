package io.greenband.energy.adapter.messaging;

import java.time.Instant;

/**
 * One run of the energy monitor, named by the millisecond it started. Every published sequence
 * number is {@code startMillis × 1,000,000 + window number}, so a restarted monitor's sample ids
 * never repeat an earlier run's (which consumers would drop as duplicates) and still increase
 * across restarts: a run would need a million windows per device per millisecond to reach the next
 * run's range.
 *
 * @param startMillis when this run started, in milliseconds since the epoch
 */
public record Incarnation(long startMillis) {

    /**
     * Window numbers one incarnation may use before touching the range of one started a millisecond
     * later.
     */
    public static final long WINDOWS_PER_MILLI = 1_000_000L;

    /** The latest start time whose range still fits a {@code long} (year 2262). */
    private static final long MAX_START_MILLIS = Long.MAX_VALUE / WINDOWS_PER_MILLI - 1;

    public Incarnation {
        if (startMillis < 0 || startMillis > MAX_START_MILLIS) {
            throw new IllegalArgumentException(
                    "incarnation start must be within 0.."
                            + MAX_START_MILLIS
                            + " ms, was "
                            + startMillis);
        }
    }

    /** The incarnation starting now. */
    public static Incarnation startingAt(Instant now) {
        return new Incarnation(now.toEpochMilli());
    }

    /**
     * The published sequence number of this incarnation's {@code window}-th window of a device.
     *
     * @param window the per-device window number, from 1
     */
    public long seq(long window) {
        if (window < 1) {
            throw new IllegalArgumentException("window number must be >= 1, was " + window);
        }
        return startMillis * WINDOWS_PER_MILLI + window;
    }
}
