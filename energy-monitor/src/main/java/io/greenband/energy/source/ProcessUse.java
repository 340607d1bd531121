package io.greenband.energy.source;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A process seen running on a device.
 *
 * @param pid host process id
 * @param usedMemoryBytes device memory it holds, when the driver reports it
 * @param smUtilPct its SM utilization in percent (NVML per-process samples), when the device
 *     reports it; 0 for a process the device sampled none of
 * @param ancestors its ancestors' pids, parent first, as the host's process table showed them
 *     (empty when unknown); how a process on a GPU is traced to the trial that started it
 */
public record ProcessUse(
        long pid, OptionalLong usedMemoryBytes, OptionalDouble smUtilPct, List<Long> ancestors) {

    public ProcessUse {
        if (pid < 0) {
            throw new IllegalArgumentException("pid must be >= 0, was " + pid);
        }
        java.util.Objects.requireNonNull(usedMemoryBytes, "usedMemoryBytes");
        smUtilPct = smUtilPct == null ? OptionalDouble.empty() : smUtilPct;
        if (smUtilPct.isPresent()
                && !(smUtilPct.getAsDouble() >= 0 && smUtilPct.getAsDouble() <= 100)) {
            throw new IllegalArgumentException(
                    "smUtilPct must be in [0, 100], was " + smUtilPct.getAsDouble());
        }
        ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
    }

    /** A process without known ancestors. */
    public ProcessUse(long pid, OptionalLong usedMemoryBytes, OptionalDouble smUtilPct) {
        this(pid, usedMemoryBytes, smUtilPct, List.of());
    }

    /** A process without per-process utilization. */
    public ProcessUse(long pid, OptionalLong usedMemoryBytes) {
        this(pid, usedMemoryBytes, OptionalDouble.empty(), List.of());
    }

    /** This process with its SM utilization. */
    public ProcessUse withSmUtil(double pct) {
        return new ProcessUse(
                pid,
                usedMemoryBytes,
                OptionalDouble.of(Math.min(100, Math.max(0, pct))),
                ancestors);
    }

    /** This process with its ancestors' pids. */
    public ProcessUse withAncestors(List<Long> chain) {
        return new ProcessUse(pid, usedMemoryBytes, smUtilPct, chain);
    }
}
