package io.greenband.suggester.adapter.messaging;

import java.time.Duration;

/**
 * Knobs of the consumer loop (from {@code greenband.suggester.*}).
 *
 * @param pollTimeout longest wait of one poll; also how often leases and the wall clock are checked
 * @param snapshotEveryInputs a study is snapshotted after this many applied inputs...
 * @param snapshotEvery ...or this long after its last snapshot, whichever comes first
 */
public record LoopSettings(Duration pollTimeout, int snapshotEveryInputs, Duration snapshotEvery) {

    public LoopSettings {
        if (pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "greenband.suggester.poll-timeout must be > 0, got " + pollTimeout);
        }
        if (snapshotEveryInputs < 1) {
            throw new IllegalArgumentException(
                    "greenband.suggester.snapshot.every-inputs must be >= 1, got "
                            + snapshotEveryInputs);
        }
        if (snapshotEvery == null || snapshotEvery.isNegative()) {
            throw new IllegalArgumentException(
                    "greenband.suggester.snapshot.every must be >= 0, got " + snapshotEvery);
        }
    }
}
