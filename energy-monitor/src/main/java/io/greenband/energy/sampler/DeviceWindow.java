package io.greenband.energy.sampler;

import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.ProcessUse;
import io.greenband.energy.source.SampleFlag;
import io.greenband.energy.usage.WindowUsage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The energy of one device over one window: the sampler's output, mapped to an event by the
 * service.
 *
 * @param device the device, with the method in force at the window's end
 * @param seq per-device sequence number, from 1, increasing by one per window
 * @param start window start (UTC), derived from monotonic time
 * @param end window end (UTC)
 * @param durationNanos window length measured with the monotonic clock
 * @param energyJoules energy in the window, never negative
 * @param cumulativeJoules energy of this device since the sampler started, this window included
 * @param counterStartJoules counter at the window start (counter methods), unwrapped
 * @param counterEndJoules counter at the window end (counter methods), unwrapped
 * @param meanPowerWatts energy divided by duration (0 for an empty window)
 * @param maxPowerWatts highest power seen in the window, when known
 * @param utilizationPct mean utilization over the window, when known
 * @param processes processes seen on the device during the window
 * @param flags conditions met in the window
 * @param intervals tick intervals that contributed energy
 * @param wraps counter wrap-arounds corrected in the window
 * @param usage what the host's processes used in the window (host components, when tracked)
 */
public record DeviceWindow(
        DeviceInfo device,
        long seq,
        Instant start,
        Instant end,
        long durationNanos,
        double energyJoules,
        double cumulativeJoules,
        OptionalDouble counterStartJoules,
        OptionalDouble counterEndJoules,
        double meanPowerWatts,
        OptionalDouble maxPowerWatts,
        OptionalDouble utilizationPct,
        List<ProcessUse> processes,
        Set<SampleFlag> flags,
        int intervals,
        int wraps,
        Optional<WindowUsage> usage) {

    public DeviceWindow {
        Objects.requireNonNull(device, "device");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be >= 1, was " + seq);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(
                    "window end " + end + " is before its start " + start);
        }
        if (!(energyJoules >= 0)) {
            throw new IllegalArgumentException("energyJoules must be >= 0, was " + energyJoules);
        }
        processes = List.copyOf(processes);
        flags = Set.copyOf(flags);
        usage = usage == null ? Optional.empty() : usage;
    }

    /** A window without process usage. */
    public DeviceWindow(
            DeviceInfo device,
            long seq,
            Instant start,
            Instant end,
            long durationNanos,
            double energyJoules,
            double cumulativeJoules,
            OptionalDouble counterStartJoules,
            OptionalDouble counterEndJoules,
            double meanPowerWatts,
            OptionalDouble maxPowerWatts,
            OptionalDouble utilizationPct,
            List<ProcessUse> processes,
            Set<SampleFlag> flags,
            int intervals,
            int wraps) {
        this(
                device,
                seq,
                start,
                end,
                durationNanos,
                energyJoules,
                cumulativeJoules,
                counterStartJoules,
                counterEndJoules,
                meanPowerWatts,
                maxPowerWatts,
                utilizationPct,
                processes,
                flags,
                intervals,
                wraps,
                Optional.empty());
    }

    /** This window with the host's process usage. */
    public DeviceWindow withUsage(Optional<WindowUsage> hostUsage) {
        return new DeviceWindow(
                device,
                seq,
                start,
                end,
                durationNanos,
                energyJoules,
                cumulativeJoules,
                counterStartJoules,
                counterEndJoules,
                meanPowerWatts,
                maxPowerWatts,
                utilizationPct,
                processes,
                flags,
                intervals,
                wraps,
                hostUsage);
    }

    /** This window with {@code seen} as its processes. */
    public DeviceWindow withProcesses(List<ProcessUse> seen) {
        return new DeviceWindow(
                device,
                seq,
                start,
                end,
                durationNanos,
                energyJoules,
                cumulativeJoules,
                counterStartJoules,
                counterEndJoules,
                meanPowerWatts,
                maxPowerWatts,
                utilizationPct,
                seen,
                flags,
                intervals,
                wraps,
                usage);
    }

    /** Whether the numbers are modelled rather than measured. */
    public boolean estimated() {
        return device.estimated();
    }
}
