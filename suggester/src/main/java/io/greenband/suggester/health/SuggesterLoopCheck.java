package io.greenband.suggester.health;

import io.greenband.servicekit.health.HealthCheck;
import io.greenband.servicekit.health.HealthStatus;
import io.greenband.suggester.config.SuggesterWiring;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Live while the consumer loop runs; down with its error once it stopped. */
@ApplicationScoped
public class SuggesterLoopCheck implements HealthCheck {

    private final SuggesterWiring wiring;

    public SuggesterLoopCheck(SuggesterWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public String name() {
        return "suggester-loop";
    }

    @Override
    public Kind kind() {
        return Kind.LIVENESS;
    }

    @Override
    public HealthStatus call() {
        return wiring.loop()
                .map(
                        l ->
                                l.isAlive()
                                        ? HealthStatus.up(Map.of())
                                        : HealthStatus.down(
                                                l.failure() == null
                                                        ? "stopped"
                                                        : l.failure().toString()))
                .orElse(HealthStatus.up(Map.of("enabled", false)));
    }
}
