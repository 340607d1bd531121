package io.greenband.suggester.adapter.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The suggester's meters, in Micrometer's global registry (the one Quarkus serves at {@code
 * /q/metrics}): {@code greenband_suggestion_latency_seconds} (from the poll that brought the
 * deciding event to the suggestion's acknowledged publish) and {@code
 * greenband_suggester_queue_depth} (scored trials read but held until the decision topics are
 * caught up). No per-study labels: one series each per service.
 */
final class SuggesterMeters {

    // One value per process: a test JVM may build several loops, the gauge must follow the latest.
    private static final AtomicLong QUEUE_DEPTH = new AtomicLong();
    private static final Timer LATENCY =
            Timer.builder("greenband.suggestion.latency")
                    .description(
                            "From the poll that brought the deciding event to the suggestion's acknowledged publish")
                    .serviceLevelObjectives(
                            Duration.ofMillis(10),
                            Duration.ofMillis(50),
                            Duration.ofMillis(100),
                            Duration.ofMillis(500),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(30))
                    .register(Metrics.globalRegistry);

    static {
        Gauge.builder("greenband.suggester.queue.depth", QUEUE_DEPTH, AtomicLong::doubleValue)
                .description("Scored trials read but held until the decision topics are caught up")
                .register(Metrics.globalRegistry);
    }

    private long polledAt = System.nanoTime();

    /** The loop returned from a poll at {@code nanos} ({@link System#nanoTime()}). */
    void polled(long nanos) {
        polledAt = nanos;
    }

    /** A suggestion was acknowledged by the broker now. */
    void suggested() {
        LATENCY.record(System.nanoTime() - polledAt, TimeUnit.NANOSECONDS);
    }

    /** {@code depth} scored records wait for the decision topics. */
    void queued(long depth) {
        QUEUE_DEPTH.set(depth);
    }
}
