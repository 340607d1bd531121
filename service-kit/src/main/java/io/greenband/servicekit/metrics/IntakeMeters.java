package io.greenband.servicekit.metrics;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Registers the dead-letter series at start, so a scrape shows them (at zero) on every service,
 * consumers or not.
 */
@ApplicationScoped
public class IntakeMeters {

    void onStart(@Observes StartupEvent event) {
        IntakeMetrics.global().registerAll();
    }
}
