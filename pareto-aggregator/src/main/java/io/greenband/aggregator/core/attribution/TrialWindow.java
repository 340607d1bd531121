package io.greenband.aggregator.core.attribution;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When and where one trial attempt ran.
 *
 * @param key the trial attempt
 * @param host the host it ran on
 * @param devices devices held: GPU UUIDs and/or {@link #CPU}
 * @param pids process ids of the trial (may be empty; used to split shared devices by utilization)
 * @param start start of the window
 * @param end end of the window, empty while the trial runs
 */
public record TrialWindow(
        TrialKey key,
        String host,
        Set<String> devices,
        Set<Long> pids,
        Instant start,
        Optional<Instant> end) {

    /** The device name of a trial that holds no GPU. */
    public static final String CPU = "cpu";

    /** Checks and copies the fields. */
    public TrialWindow {
        Objects.requireNonNull(key, "key must not be null");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(
                    "host of trial " + key + " is missing: give the host it ran on");
        }
        if (devices == null || devices.isEmpty()) {
            throw new IllegalArgumentException(
                    "devices of trial " + key + " is empty: list GPU UUIDs or 'cpu'");
        }
        devices = Set.copyOf(devices);
        pids = pids == null ? Set.of() : Set.copyOf(pids);
        Objects.requireNonNull(start, "start of trial " + key + " must not be null");
        end = end == null ? Optional.empty() : end;
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new IllegalArgumentException(
                    "end of trial "
                            + key
                            + " ("
                            + end.get()
                            + ") is before its start ("
                            + start
                            + ")");
        }
    }

    /** A running trial. */
    public static TrialWindow started(
            TrialKey key, String host, Set<String> devices, Set<Long> pids, Instant start) {
        return new TrialWindow(key, host, devices, pids, start, Optional.empty());
    }

    /** A finished trial. */
    public static TrialWindow finished(
            TrialKey key,
            String host,
            Set<String> devices,
            Set<Long> pids,
            Instant start,
            Instant end) {
        return new TrialWindow(key, host, devices, pids, start, Optional.of(end));
    }

    /** This window with an end. */
    public TrialWindow endingAt(Instant at) {
        return new TrialWindow(key, host, devices, pids, start, Optional.of(at));
    }

    /** Whether the trial held this device. */
    public boolean holds(String device) {
        return devices.contains(device);
    }

    /** Whether the window overlaps the half-open interval [from, to). */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && (end.isEmpty() || end.get().isAfter(from));
    }
}
