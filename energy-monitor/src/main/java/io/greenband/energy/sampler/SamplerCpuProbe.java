package io.greenband.energy.sampler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Measures what sampling costs: runs a sampler on a real {@link ExecutorTicker} at a given rate and
 * sums the thread CPU time spent inside its ticks. A hook for the benchmarks module (1 Hz and 10 Hz
 * runs).
 */
public final class SamplerCpuProbe {

    private SamplerCpuProbe() {}

    /**
     * Runs a sampler for {@code runFor} at {@code hz} ticks per second.
     *
     * @param samplerForInterval builds the sampler for the tick interval it is given
     */
    public static CpuCost measure(
            Function<Duration, Sampler> samplerForInterval, double hz, Duration runFor) {
        if (!(hz > 0)) {
            throw new IllegalArgumentException("hz must be positive, was " + hz);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        Duration interval = Duration.ofNanos(Math.round(1e9 / hz));
        Sampler sampler = samplerForInterval.apply(interval);
        AtomicLong cpu = new AtomicLong();
        AtomicLong ticks = new AtomicLong();
        long startWall = System.nanoTime();
        try (Ticker.Handle h =
                new ExecutorTicker("greenband-energy-probe")
                        .start(
                                interval,
                                () -> {
                                    long before = threads.getCurrentThreadCpuTime();
                                    sampler.tick();
                                    cpu.addAndGet(threads.getCurrentThreadCpuTime() - before);
                                    ticks.incrementAndGet();
                                })) {
            sleep(runFor);
        }
        long wall = System.nanoTime() - startWall;
        sampler.closeSources();
        return new CpuCost(hz, ticks.get(), cpu.get(), wall);
    }

    /** Measures at 1 Hz and at 10 Hz, each for {@code runFor}. */
    public static List<CpuCost> measureAt1And10Hz(
            Function<Duration, Sampler> samplerForInterval, Duration runFor) {
        return List.of(
                measure(samplerForInterval, 1, runFor), measure(samplerForInterval, 10, runFor));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
