package io.greenband.benchmarks.monitor;

import io.greenband.energy.sampler.CpuCost;
import java.util.Locale;

/**
 * One measured tick rate.
 *
 * @param cost CPU time of the sampling thread inside its ticks, from {@code SamplerCpuProbe}
 * @param processCpuNanos CPU time of the whole JVM over the same run (JIT, GC and the idle main
 *     thread included), an upper bound
 */
public record RateResult(CpuCost cost, long processCpuNanos) {

    /** The JSON key of the rate, e.g. {@code 1hz}, {@code 10hz}. */
    public String key() {
        double hz = cost.hz();
        return (hz == Math.rint(hz)
                        ? String.valueOf((long) hz)
                        : String.format(Locale.ROOT, "%.3g", hz))
                + "hz";
    }

    /** Sampling-thread CPU in percent of one core. */
    public double samplerPercentOfCore() {
        return 100.0 * cost.shareOfOneCore();
    }

    /** Whole-process CPU in percent of one core; negative when the JVM cannot tell. */
    public double processPercentOfCore() {
        return processCpuNanos < 0 || cost.wallNanos() == 0
                ? -1.0
                : 100.0 * processCpuNanos / cost.wallNanos();
    }
}
