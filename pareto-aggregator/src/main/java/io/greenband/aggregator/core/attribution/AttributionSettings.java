package io.greenband.aggregator.core.attribution;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the ledger.
 *
 * @param gracePeriod how long after a trial's end its energy stays open for late samples
 * @param gapTolerance total unmeasured time per device a trial may have before its energy is marked
 *     partial
 */
public record AttributionSettings(Duration gracePeriod, Duration gapTolerance) {

    /**
     * Default grace: three 10 s monitor windows, so the window covering the trial's end has
     * arrived.
     */
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

    /** Default gap tolerance: clock jitter between consecutive monitor windows. */
    public static final Duration DEFAULT_GAP_TOLERANCE = Duration.ofMillis(500);

    /** Checks the durations. */
    public AttributionSettings {
        Objects.requireNonNull(gracePeriod, "gracePeriod must not be null");
        Objects.requireNonNull(gapTolerance, "gapTolerance must not be null");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException(
                    "gracePeriod is " + gracePeriod + ": it must be >= 0");
        }
        if (gapTolerance.isNegative()) {
            throw new IllegalArgumentException(
                    "gapTolerance is " + gapTolerance + ": it must be >= 0");
        }
    }

    /** {@link #DEFAULT_GRACE_PERIOD} and {@link #DEFAULT_GAP_TOLERANCE}. */
    public static AttributionSettings defaults() {
        return new AttributionSettings(DEFAULT_GRACE_PERIOD, DEFAULT_GAP_TOLERANCE);
    }
}
