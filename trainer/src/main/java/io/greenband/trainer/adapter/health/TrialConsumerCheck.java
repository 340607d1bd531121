package io.greenband.trainer.adapter.health;

import io.greenband.servicekit.health.HealthCheck;
import io.greenband.servicekit.health.HealthStatus;
import io.greenband.trainer.config.TrainerConfig;
import io.greenband.trainer.config.TrainerWiring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Liveness of the trial consumer: a trainer whose consumer loop died takes no trial any more, so
 * the pod should be restarted. Up when consuming is switched off.
 */
@ApplicationScoped
public class TrialConsumerCheck implements HealthCheck {

    private final TrainerWiring wiring;
    private final TrainerConfig config;

    @Inject
    public TrialConsumerCheck(TrainerWiring wiring, TrainerConfig config) {
        this.wiring = wiring;
        this.config = config;
    }

    @Override
    public String name() {
        return "trial-consumer";
    }

    @Override
    public Kind kind() {
        return Kind.LIVENESS;
    }

    @Override
    public HealthStatus call() {
        if (!config.consumer().enabled()) {
            return HealthStatus.up(Map.of("enabled", false));
        }
        return wiring.consuming()
                ? HealthStatus.up(Map.of("group", config.consumer().groupId()))
                : HealthStatus.down("the trial-suggested consumer loop is not running");
    }
}
