package io.greenband.energy.sampler;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Ticker} on one daemon thread. A task that throws is logged and the schedule goes on:
 * {@link ScheduledExecutorService#scheduleAtFixedRate} would otherwise silently stop ticking.
 */
public final class ExecutorTicker implements Ticker {

    private static final System.Logger LOG = System.getLogger(ExecutorTicker.class.getName());

    private final String threadName;

    /** A ticker whose thread carries {@code threadName}. */
    public ExecutorTicker(String threadName) {
        this.threadName = threadName;
    }

    @Override
    public Handle start(Duration period, Runnable task) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("tick period must be positive, was " + period);
        }
        ScheduledExecutorService executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, threadName);
                            t.setDaemon(true);
                            return t;
                        });
        executor.scheduleAtFixedRate(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.log(
                                System.Logger.Level.ERROR,
                                "tick failed; the schedule continues",
                                e);
                    }
                },
                0,
                period.toNanos(),
                TimeUnit.NANOSECONDS);
        return () -> {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        };
    }
}
