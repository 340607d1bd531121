package io.greenband.energy.adapter.rest;

import io.greenband.energy.adapter.lifecycle.EnergyMonitor;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * Prometheus scrape endpoint at {@code /q/metrics}, served here because the Micrometer extensions of the
 * Quarkus platform in use are not published on every Maven repository greenband builds from.
 */
@Path("/q/metrics")
public class MetricsResource {

    /** The Prometheus text format, version 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final EnergyMonitor monitor;

    @Inject
    public MetricsResource(EnergyMonitor monitor) {
        this.monitor = monitor;
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        return monitor.metrics().scrape();
    }
}
