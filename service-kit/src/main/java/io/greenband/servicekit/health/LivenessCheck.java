package io.greenband.servicekit.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The process is alive when it can answer at all; deadlocks and crashes are what the probe catches.
 */
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    @Override
    public String name() {
        return "alive";
    }

    @Override
    public Kind kind() {
        return Kind.LIVENESS;
    }

    @Override
    public HealthStatus call() {
        return HealthStatus.up(
                Map.of(
                        "uptimeMs",
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()));
    }
}
