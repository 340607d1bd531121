package io.greenband.servicekit.health;

import java.util.Map;

/**
 * The outcome of one {@link HealthCheck}.
 *
 * @param up whether the check passed
 * @param data details reported beside the status (e.g. the broker address or the error)
 */
public record HealthStatus(boolean up, Map<String, Object> data) {

    public HealthStatus {
        data = Map.copyOf(data);
    }

    /** A passing status with details. */
    public static HealthStatus up(Map<String, Object> data) {
        return new HealthStatus(true, data);
    }

    /** A failing status whose {@code error} detail says why. */
    public static HealthStatus down(String error) {
        return new HealthStatus(false, Map.of("error", error == null ? "unknown" : error));
    }
}
