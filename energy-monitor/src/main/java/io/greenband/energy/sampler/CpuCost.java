package io.greenband.energy.sampler;

/**
 * The CPU the sampler used over a measured run.
 *
 * @param hz tick rate asked for
 * @param ticks ticks completed
 * @param cpuNanos CPU time spent inside ticks (thread CPU time)
 * @param wallNanos wall time of the run
 */
public record CpuCost(double hz, long ticks, long cpuNanos, long wallNanos) {

    /** Mean CPU time per tick, in microseconds. */
    public double cpuMicrosPerTick() {
        return ticks == 0 ? 0.0 : cpuNanos / 1e3 / ticks;
    }

    /** CPU time as a fraction of one core over the run (0.01 = 1 % of a core). */
    public double shareOfOneCore() {
        return wallNanos == 0 ? 0.0 : (double) cpuNanos / wallNanos;
    }
}
