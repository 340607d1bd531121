package io.greenband.energy.health;

import io.greenband.energy.adapter.lifecycle.EnergyMonitor;
import io.greenband.energy.source.SourceStatus;
import io.greenband.servicekit.health.HealthCheck;
import io.greenband.servicekit.health.HealthStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ready once every source has been opened (available or not: a node without GPU is a valid node)
 * and the sampler has ticked recently. Each source's status and device count are reported.
 */
@ApplicationScoped
public class SourcesReadinessCheck implements HealthCheck {

    /** A sampler silent for this many intervals (and at least {@link #MIN_STALL_MS}) is stalled. */
    static final int STALL_INTERVALS = 5;

    static final long MIN_STALL_MS = 10_000;

    private final EnergyMonitor monitor;

    @Inject
    public SourcesReadinessCheck(EnergyMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public String name() {
        return "energy-sources";
    }

    @Override
    public Kind kind() {
        return Kind.READINESS;
    }

    @Override
    public HealthStatus call() {
        EnergyMonitor.MonitorState s = monitor.state();
        if (!s.started()) {
            return HealthStatus.down("energy sources not initialised yet");
        }
        long stall = Math.max(MIN_STALL_MS, STALL_INTERVALS * s.intervalMs());
        if (s.lastTickAgeMs() > stall) {
            return HealthStatus.down("sampler has not ticked for " + s.lastTickAgeMs() + " ms");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (SourceStatus st : s.sources()) {
            String text =
                    st.available()
                            ? "available, " + st.devices().size() + " device(s)"
                            : "unavailable: " + st.detail();
            data.merge(st.source().label(), text, (a, b) -> a + "; " + b);
        }
        data.put("lastTickAgeMs", s.lastTickAgeMs());
        data.put("node", monitor.node().nodeId());
        return HealthStatus.up(data);
    }
}
