package io.greenband.servicekit.intake;

import io.greenband.servicekit.health.HealthStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Watches a service's consumers: each reports every poll, and its failure when it stops. A consumer
 * that failed, or that has not polled for longer than {@code greenband.intake.stall-timeout}, makes
 * liveness and readiness DOWN with the reason, so a supervisor (or Kubernetes) restarts the
 * service.
 */
@ApplicationScoped
public class ConsumerWatch {

    /** Setting: how long a consumer may go without polling before it counts as stalled. */
    public static final String STALL_TIMEOUT = "greenband.intake.stall-timeout";

    private final Duration stallTimeout;
    private final Clock clock;
    private final Map<String, Progress> consumers = new ConcurrentHashMap<>();

    /**
     * A watch from configuration (default 5 minutes: longer than any handler works on one poll).
     */
    @Inject
    public ConsumerWatch(
            @ConfigProperty(name = STALL_TIMEOUT, defaultValue = "5m") Duration stallTimeout) {
        this(stallTimeout, Clock.systemUTC());
    }

    /** A watch with its own clock (tests). */
    public ConsumerWatch(Duration stallTimeout, Clock clock) {
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException(
                    STALL_TIMEOUT + " is " + stallTimeout + ": give a positive duration");
        }
        this.stallTimeout = stallTimeout;
        this.clock = clock;
    }

    /** Registers (or re-registers) consumer {@code name} as polling now. */
    public void started(String name) {
        consumers.put(name, new Progress(clock.instant(), null));
    }

    /** Consumer {@code name} returned from a poll. */
    public void polled(String name) {
        consumers.computeIfPresent(
                name, (k, p) -> p.failure() != null ? p : new Progress(clock.instant(), null));
    }

    /** Consumer {@code name} stopped for good because of {@code failure}. */
    public void failed(String name, Throwable failure) {
        String reason =
                failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        consumers.put(name, new Progress(clock.instant(), reason));
    }

    /** Consumer {@code name} was closed on purpose (shutdown); it is no longer watched. */
    public void closed(String name) {
        consumers.remove(name);
    }

    /**
     * UP with each consumer's last poll when all poll; DOWN naming every failed or stalled
     * consumer.
     */
    public HealthStatus status() {
        Instant now = clock.instant();
        Map<String, Object> data = new TreeMap<>();
        boolean up = true;
        for (Map.Entry<String, Progress> e : consumers.entrySet()) {
            Progress p = e.getValue();
            Duration quiet = Duration.between(p.lastPoll(), now);
            if (p.failure() != null) {
                up = false;
                data.put(e.getKey(), "stopped: " + p.failure());
            } else if (quiet.compareTo(stallTimeout) > 0) {
                up = false;
                data.put(
                        e.getKey(),
                        "stalled: no poll for "
                                + quiet.toSeconds()
                                + " s (bound "
                                + STALL_TIMEOUT
                                + "="
                                + stallTimeout
                                + ")");
            } else {
                data.put(e.getKey(), "polling (last " + quiet.toMillis() + " ms ago)");
            }
        }
        return new HealthStatus(up, data);
    }

    private record Progress(Instant lastPoll, String failure) {}
}
