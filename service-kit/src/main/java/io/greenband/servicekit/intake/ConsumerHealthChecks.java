package io.greenband.servicekit.intake;

import io.greenband.servicekit.health.HealthCheck;
import io.greenband.servicekit.health.HealthStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The consumers' state in both probes: a stopped or stalled consumer must be restarted, not just
 * taken out of service.
 */
public final class ConsumerHealthChecks {

    private ConsumerHealthChecks() {}

    /** Liveness: DOWN while a consumer is stopped or stalled. */
    @ApplicationScoped
    public static class Live implements HealthCheck {
        private final ConsumerWatch watch;

        @Inject
        public Live(ConsumerWatch watch) {
            this.watch = watch;
        }

        @Override
        public String name() {
            return "consumers";
        }

        @Override
        public Kind kind() {
            return Kind.LIVENESS;
        }

        @Override
        public HealthStatus call() {
            return watch.status();
        }
    }

    /** Readiness: the same, so no traffic goes to a service whose log intake is down. */
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        private final ConsumerWatch watch;

        @Inject
        public Ready(ConsumerWatch watch) {
            this.watch = watch;
        }

        @Override
        public String name() {
            return "consumers";
        }

        @Override
        public Kind kind() {
            return Kind.READINESS;
        }

        @Override
        public HealthStatus call() {
            return watch.status();
        }
    }
}
