package io.greenband.energy.sampler;

import java.time.Duration;

/** Runs a task at a fixed rate; a seam so tests can tick by hand instead of waiting. */
public interface Ticker {

    /** Starts running {@code task} every {@code period}; closing the handle stops it. */
    Handle start(Duration period, Runnable task);

    /** A running schedule. */
    interface Handle extends AutoCloseable {
        /** Stops the schedule and waits briefly for a running task to finish. */
        @Override
        void close();
    }
}
