package io.greenband.energy.source;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What one source read for one device in one tick.
 *
 * @param device the device, with the method in force for this reading
 * @param value by {@link Method#basis()}: cumulative joules, or mean watts since the previous
 *     reading; empty when nothing could be read this tick
 * @param powerWatts the device's reported power when known (also for counter methods), for max
 *     power
 * @param utilizationPct device utilization in percent (GPU busy time, CPU load), when known
 * @param processes processes seen on the device, empty when unknown or none
 * @param flags conditions met while reading
 */
public record DeviceReading(
        DeviceInfo device,
        OptionalDouble value,
        OptionalDouble powerWatts,
        OptionalDouble utilizationPct,
        List<ProcessUse> processes,
        Set<SampleFlag> flags) {

    public DeviceReading {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(powerWatts, "powerWatts");
        Objects.requireNonNull(utilizationPct, "utilizationPct");
        processes = List.copyOf(processes);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** A reading carrying only the method's value. */
    public static DeviceReading of(DeviceInfo device, double value) {
        return new DeviceReading(
                device,
                OptionalDouble.of(value),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                List.of(),
                Set.of());
    }

    /** A reading with no value this tick, for the reasons in {@code flags}. */
    public static DeviceReading missing(DeviceInfo device, Set<SampleFlag> flags) {
        EnumSet<SampleFlag> all = EnumSet.of(SampleFlag.NO_DATA);
        all.addAll(flags);
        return new DeviceReading(
                device,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                List.of(),
                all);
    }

    /** Whether the reading holds a value. */
    public boolean hasValue() {
        return value.isPresent();
    }

    /** A copy with the reported power. */
    public DeviceReading withPower(OptionalDouble watts) {
        return new DeviceReading(device, value, watts, utilizationPct, processes, flags);
    }

    /** A copy with the utilization. */
    public DeviceReading withUtilization(OptionalDouble pct) {
        return new DeviceReading(device, value, powerWatts, pct, processes, flags);
    }

    /** A copy with the processes seen. */
    public DeviceReading withProcesses(List<ProcessUse> seen) {
        return new DeviceReading(device, value, powerWatts, utilizationPct, seen, flags);
    }

    /** A copy with {@code more} flags added. */
    public DeviceReading withFlags(Set<SampleFlag> more) {
        if (more.isEmpty()) {
            return this;
        }
        EnumSet<SampleFlag> all =
                flags.isEmpty() ? EnumSet.noneOf(SampleFlag.class) : EnumSet.copyOf(flags);
        all.addAll(more);
        return new DeviceReading(device, value, powerWatts, utilizationPct, processes, all);
    }
}
