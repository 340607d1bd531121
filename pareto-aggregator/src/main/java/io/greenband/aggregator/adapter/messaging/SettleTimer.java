package io.greenband.aggregator.adapter.messaging;

import io.greenband.aggregator.driver.ScoringEngine;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Lets trials whose grace periods or objective waits ran out be scored while no events arrive. */
@ApplicationScoped
public class SettleTimer {

    private final ScoringEngine engine;

    @Inject
    public SettleTimer(ScoringEngine engine) {
        this.engine = engine;
    }

    @Scheduled(
            every = "${greenband.aggregator.tick-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        engine.tick();
    }
}
