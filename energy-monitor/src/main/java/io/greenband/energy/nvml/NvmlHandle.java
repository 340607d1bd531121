package io.greenband.energy.nvml;

import com.sun.jna.Pointer;
import java.util.Objects;

/** An opaque {@code nvmlDevice_t}, valid while NVML stays initialised. */
public final class NvmlHandle {

    private final Pointer pointer;

    NvmlHandle(Pointer pointer) {
        this.pointer = Objects.requireNonNull(pointer, "pointer");
    }

    Pointer pointer() {
        return pointer;
    }
}
