package io.greenband.energy.sampler;

import java.time.Instant;

/**
 * The sampler's two notions of time: monotonic nanoseconds for durations, wall time for anchoring.
 */
public interface SamplerClock {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
    long nanos();

    /** The current instant in UTC. */
    Instant wall();

    /** The JVM's clocks. */
    static SamplerClock system() {
        return SystemClock.INSTANCE;
    }

    /** The JVM's clocks as a singleton. */
    enum SystemClock implements SamplerClock {
        INSTANCE;

        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public Instant wall() {
            return Instant.now();
        }
    }
}
