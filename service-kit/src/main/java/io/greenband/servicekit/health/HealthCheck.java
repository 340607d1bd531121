package io.greenband.servicekit.health;

/**
 * One health check of a service. Implementations are CDI beans; {@link HealthResource} finds them
 * and reports them in the MicroProfile Health JSON shape under {@code /q/health}.
 */
public interface HealthCheck {

    /** Which probe a check belongs to. */
    enum Kind {
        LIVENESS,
        READINESS
    }

    /** The check's name as reported. */
    String name();

    /** The probe it feeds. */
    Kind kind();

    /** Runs the check; must return within a few seconds and never throw. */
    HealthStatus call();
}
