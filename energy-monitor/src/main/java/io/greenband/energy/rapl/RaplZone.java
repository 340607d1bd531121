package io.greenband.energy.rapl;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One selected RAPL zone.
 *
 * @param dir the zone directory (holding {@code energy_uj})
 * @param zoneDir the directory name, e.g. {@code intel-rapl:0:1} or {@code intel-rapl-mmio:0}
 * @param name the content of {@code name}, e.g. {@code package-0}, {@code dram}
 * @param domain what the zone measures
 * @param deviceId the published device id, e.g. {@code package-0}, {@code dram-0}, {@code psys}
 * @param packageIndex the package number, or -1 for platform zones
 * @param mmio whether the zone comes from the MMIO interface rather than MSRs
 * @param maxRangeUj counter range before wrap-around ({@code max_energy_range_uj}), when readable
 */
public record RaplZone(
        Path dir,
        String zoneDir,
        String name,
        RaplDomain domain,
        String deviceId,
        int packageIndex,
        boolean mmio,
        OptionalLong maxRangeUj) {

    public RaplZone {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(maxRangeUj, "maxRangeUj");
    }

    /** The counter file. */
    public Path energyFile() {
        return dir.resolve("energy_uj");
    }
}
