package io.greenband.energy.sampler;

/**
 * Drives a {@link Sampler} with a {@link Ticker}: start, stop with a final flush, and close the
 * sources. The one owner of the sampler's lifecycle.
 */
public final class SamplerLoop implements AutoCloseable {

    private final Sampler sampler;
    private final Ticker ticker;
    private Ticker.Handle handle;

    /** A loop that will tick {@code sampler} with {@code ticker}. */
    public SamplerLoop(Sampler sampler, Ticker ticker) {
        this.sampler = sampler;
        this.ticker = ticker;
    }

    /** Starts ticking at the sampler's interval; the first tick sets the baselines. */
    public synchronized void start() {
        if (handle != null) {
            throw new IllegalStateException("sampler loop already started");
        }
        handle = ticker.start(sampler.tickInterval(), sampler::tick);
    }

    /** Whether {@link #start()} was called and {@link #close()} not yet. */
    public synchronized boolean running() {
        return handle != null;
    }

    /** Stops ticking, publishes the partial last windows, closes the sources. */
    @Override
    public synchronized void close() {
        if (handle == null) {
            return;
        }
        handle.close();
        handle = null;
        sampler.flush();
        sampler.closeSources();
    }

    /** The sampler being driven. */
    public Sampler sampler() {
        return sampler;
    }
}
