package io.greenband.energy.source;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A measured device as a source describes it.
 *
 * @param id stable key: a GPU UUID, {@code package-0}, {@code dram-0}, {@code cpu}
 * @param component what part of the node it is
 * @param source where its numbers come from
 * @param method how its energy is obtained now (may change, e.g. counter turns unsupported)
 * @param name human-readable model name, possibly empty
 * @param index the source's own index (NVML index, package number), or -1
 * @param powerLimitWatts the device's enforced power limit, when known (reported, not enforced
 *     here)
 * @param maxPlausibleWatts power above which an interval is treated as a measurement error, when
 *     known
 */
public record DeviceInfo(
        String id,
        Component component,
        SourceKind source,
        Method method,
        String name,
        int index,
        OptionalDouble powerLimitWatts,
        OptionalDouble maxPlausibleWatts) {

    public DeviceInfo {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("device id must not be blank");
        }
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(method, "method");
        name = name == null ? "" : name;
        Objects.requireNonNull(powerLimitWatts, "powerLimitWatts");
        Objects.requireNonNull(maxPlausibleWatts, "maxPlausibleWatts");
    }

    /** Whether the numbers are modelled rather than measured. */
    public boolean estimated() {
        return source == SourceKind.ESTIMATE || method.estimated();
    }

    /**
     * The same device with another method (e.g. after the energy counter turned out unsupported).
     */
    public DeviceInfo withMethod(Method other) {
        return new DeviceInfo(
                id, component, source, other, name, index, powerLimitWatts, maxPlausibleWatts);
    }
}
