package io.greenband.energy.source;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A process seen running on a device.
 *
 * @param pid             host process id
 * @param usedMemoryBytes device memory it holds, when the driver reports it
 * @param smUtilPct       its SM utilization in percent (NVML per-process samples), when the device reports it;
 *                        0 for a process the device sampled none of
 */
public record ProcessUse(long pid, OptionalLong usedMemoryBytes, OptionalDouble smUtilPct) {

    public ProcessUse {
        if (pid < 0) {
            throw new IllegalArgumentException("pid must be >= 0, was " + pid);
        }
        java.util.Objects.requireNonNull(usedMemoryBytes, "usedMemoryBytes");
        smUtilPct = smUtilPct == null ? OptionalDouble.empty() : smUtilPct;
        if (smUtilPct.isPresent() && !(smUtilPct.getAsDouble() >= 0 && smUtilPct.getAsDouble() <= 100)) {
            throw new IllegalArgumentException("smUtilPct must be in [0, 100], was " + smUtilPct.getAsDouble());
        }
    }

    /** A process without per-process utilization. */
    public ProcessUse(long pid, OptionalLong usedMemoryBytes) {
        this(pid, usedMemoryBytes, OptionalDouble.empty());
    }

    /** This process with its SM utilization. */
    public ProcessUse withSmUtil(double pct) {
        return new ProcessUse(pid, usedMemoryBytes, OptionalDouble.of(Math.min(100, Math.max(0, pct))));
    }
}
