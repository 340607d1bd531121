package io.greenband.energy.sampler;

import java.time.Duration;
import java.time.Instant;

/** A clock tests move by hand; wall time follows monotonic time from a fixed anchor. */
public final class ScriptedClock implements SamplerClock {

    /** The wall time at monotonic zero. */
    public static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");

    private long nanos = 1_000_000_000L;

    @Override
    public long nanos() {
        return nanos;
    }

    @Override
    public Instant wall() {
        return ANCHOR.plusNanos(nanos);
    }

    /** Moves time forward. */
    public void advance(Duration d) {
        nanos += d.toNanos();
    }
}
