package io.greenband.aggregator.core.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Energy attributed to one trial attempt over a time range (its whole window, or a part such as the
 * inference phase).
 *
 * @param key the trial attempt
 * @param host the host it ran on
 * @param from start of the range
 * @param to end of the range (for a running trial: the latest measured instant)
 * @param devices energy per device and host component
 * @param partial whether some device had unmeasured time beyond the gap tolerance
 * @param finalized whether the value is final (trial ended and the grace period passed)
 */
public record TrialEnergy(
        TrialKey key,
        String host,
        Instant from,
        Instant to,
        List<DeviceEnergy> devices,
        boolean partial,
        boolean finalized) {

    /** Copies the list. */
    public TrialEnergy {
        devices = List.copyOf(devices);
    }

    /** Total joules over every device and component. */
    public double totalJoules() {
        return devices.stream().mapToDouble(DeviceEnergy::joules).sum();
    }

    /** Joules of one component. */
    public double joules(Component component) {
        return devices.stream()
                .filter(d -> d.component() == component)
                .mapToDouble(DeviceEnergy::joules)
                .sum();
    }

    /** Whether any of the energy is modelled. */
    public boolean hasEstimates() {
        return devices.stream().anyMatch(d -> d.estimated() && d.joules() > 0);
    }

    /** Length of the range in seconds. */
    public double durationSeconds() {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
