package io.greenband.energy.estimate;

import java.util.Optional;

/**
 * The machine's TDP and where it came from.
 *
 * @param watts whole-machine TDP (per socket × sockets)
 * @param basis how it was found: {@code configured}, {@code table}, {@code per-core} or {@code
 *     default}
 */
public record Tdp(double watts, String basis) {

    /** Watts per logical CPU when the model is unknown but the CPU count is. */
    public static final double WATTS_PER_LOGICAL_CPU = 4.0;

    /** Watts when nothing at all is known. */
    public static final double DEFAULT_WATTS = 85.0;

    public Tdp {
        if (!(watts > 0)) {
            throw new IllegalArgumentException("TDP watts must be positive, was " + watts);
        }
    }

    /**
     * Resolves the TDP: the configured whole-machine value, else the table's per-socket value ×
     * sockets, else {@link #WATTS_PER_LOGICAL_CPU} × logical CPUs, else {@link #DEFAULT_WATTS}.
     */
    public static Tdp resolve(
            Optional<Double> configuredWatts, Optional<CpuInfo> cpu, TdpTable table) {
        if (configuredWatts.isPresent()) {
            return new Tdp(configuredWatts.get(), "configured");
        }
        if (cpu.isPresent()) {
            CpuInfo c = cpu.get();
            var perSocket = table.lookup(c.modelName());
            if (perSocket.isPresent()) {
                return new Tdp(perSocket.getAsDouble() * c.sockets(), "table");
            }
            return new Tdp(WATTS_PER_LOGICAL_CPU * c.logical(), "per-core");
        }
        return new Tdp(DEFAULT_WATTS, "default");
    }
}
