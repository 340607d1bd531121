package io.greenband.energy.nvml;

/**
 * Turns power samples of one GPU into a running energy total with the trapezoid rule, so a GPU
 * without an energy counter still gets a cumulative counter. Fed by the tick and, between ticks, by
 * the power poller; thread-safe. Samples out of time order are ignored.
 */
final class PowerIntegrator {

    private boolean started;
    private long lastNanos;
    private double lastWatts;
    private double joules;

    /** Adds a power sample taken at monotonic time {@code nanos}; returns the total so far. */
    synchronized double sample(long nanos, double watts) {
        if (!(watts >= 0)) {
            return joules;
        }
        if (started) {
            long dt = nanos - lastNanos;
            if (dt <= 0) {
                return joules;
            }
            joules += (lastWatts + watts) / 2.0 * (dt / 1e9);
        }
        started = true;
        lastNanos = nanos;
        lastWatts = watts;
        return joules;
    }

    /** Energy integrated so far, in joules. */
    synchronized double joules() {
        return joules;
    }
}
