package io.greenband.suggester.core.random;

import java.util.SplittableRandom;

/**
 * A study seed and the generators derived from it. Split number {@code k} is always the same
 * stream, so a trial that records its split counter can be replayed, and a restored study continues
 * exactly where the snapshot stopped without storing any generator state.
 */
public final class SeedStream {

    /** Odd constant of the golden ratio, the usual increment of SplitMix64. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;

    /** A stream for {@code seed}. */
    public SeedStream(long seed) {
        this.seed = seed;
    }

    /** The study seed. */
    public long seed() {
        return seed;
    }

    /** The generator of split {@code counter} (one per ask). */
    public SplittableRandom split(long counter) {
        if (counter < 0) {
            throw new IllegalArgumentException("split counter must be >= 0, was " + counter);
        }
        return new SplittableRandom(mix(seed + GOLDEN * (counter + 1)));
    }

    /**
     * A generator for a purpose other than asks (for example fitting the surrogate on a given data
     * set), keyed so that the same purpose and key always give the same stream.
     */
    public SplittableRandom derive(long purpose, long key) {
        return new SplittableRandom(
                mix(mix(seed ^ (purpose * 0xBF58476D1CE4E5B9L)) + GOLDEN * key));
    }

    /** The SplitMix64 finalizer: a bijective avalanche of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
