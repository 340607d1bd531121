package io.greenband.aggregator.core.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Energy one device or host component used in a window. Power is taken as constant inside the
 * window, so a part of the window gets the same part of the energy.
 *
 * @param sampleId idempotency key: the same id twice counts once
 * @param host the host measured
 * @param device GPU UUID, or a host component name such as {@code package-0}
 * @param component what was measured
 * @param windowStart start of the window
 * @param windowEnd end of the window (after the start)
 * @param joules energy in the window, non-negative
 * @param utilizationPercent device utilization in the window, when known
 * @param processes processes seen in the window
 * @param usage what the host's processes used in the window (host components), when reported
 */
public record EnergySample(
        String sampleId,
        String host,
        String device,
        Component component,
        Instant windowStart,
        Instant windowEnd,
        double joules,
        OptionalDouble utilizationPercent,
        List<ProcessSeen> processes,
        Optional<HostUsage> usage) {

    /** Checks and copies the fields. */
    public EnergySample {
        if (sampleId == null || sampleId.isBlank()) {
            throw new IllegalArgumentException(
                    "sampleId is missing: every sample needs its idempotency key");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host of sample " + sampleId + " is missing");
        }
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("device of sample " + sampleId + " is missing");
        }
        Objects.requireNonNull(component, "component of sample " + sampleId + " must not be null");
        Objects.requireNonNull(
                windowStart, "windowStart of sample " + sampleId + " must not be null");
        Objects.requireNonNull(windowEnd, "windowEnd of sample " + sampleId + " must not be null");
        if (!windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException(
                    "window of sample "
                            + sampleId
                            + " is empty or reversed ("
                            + windowStart
                            + " .. "
                            + windowEnd
                            + "): windowEnd must be after windowStart");
        }
        if (!Double.isFinite(joules) || joules < 0) {
            throw new IllegalArgumentException(
                    "joules of sample " + sampleId + " is " + joules + ": it must be >= 0");
        }
        utilizationPercent =
                utilizationPercent == null ? OptionalDouble.empty() : utilizationPercent;
        processes = processes == null ? List.of() : List.copyOf(processes);
        usage = usage == null ? Optional.empty() : usage;
        if (usage.isPresent() && component.deviceScoped()) {
            throw new IllegalArgumentException(
                    "sample "
                            + sampleId
                            + " of a GPU carries host usage: only host components may");
        }
    }

    /** A sample without host usage. */
    public EnergySample(
            String sampleId,
            String host,
            String device,
            Component component,
            Instant windowStart,
            Instant windowEnd,
            double joules,
            OptionalDouble utilizationPercent,
            List<ProcessSeen> processes) {
        this(
                sampleId,
                host,
                device,
                component,
                windowStart,
                windowEnd,
                joules,
                utilizationPercent,
                processes,
                Optional.empty());
    }

    /** A sample with no utilization or process information. */
    public static EnergySample of(
            String sampleId,
            String host,
            String device,
            Component component,
            Instant windowStart,
            Instant windowEnd,
            double joules) {
        return new EnergySample(
                sampleId,
                host,
                device,
                component,
                windowStart,
                windowEnd,
                joules,
                OptionalDouble.empty(),
                List.of());
    }

    /** The stream this sample belongs to. */
    public StreamKey stream() {
        return new StreamKey(host, device, component);
    }

    /** Window length in nanoseconds. */
    public long windowNanos() {
        return Duration.between(windowStart, windowEnd).toNanos();
    }
}
