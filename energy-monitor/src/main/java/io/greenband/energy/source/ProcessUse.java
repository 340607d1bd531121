package io.greenband.energy.source;

import java.util.OptionalLong;

/**
 * A process seen running on a device.
 *
 * @param pid             host process id
 * @param usedMemoryBytes device memory it holds, when the driver reports it
 */
public record ProcessUse(long pid, OptionalLong usedMemoryBytes) {

    public ProcessUse {
        if (pid < 0) {
            throw new IllegalArgumentException("pid must be >= 0, was " + pid);
        }
        java.util.Objects.requireNonNull(usedMemoryBytes, "usedMemoryBytes");
    }
}
