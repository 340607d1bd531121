package io.greenband.energy.nvml;

import com.sun.jna.Structure;

/** {@code nvmlUtilization_t}: two {@code unsigned int} percentages, 8 bytes. */
@Structure.FieldOrder({"gpu", "memory"})
public class NvmlUtilization extends Structure {

    /** Percent of the last sample period in which a kernel ran. */
    public int gpu;

    /** Percent of the last sample period in which device memory was read or written. */
    public int memory;

    /** The byte offset of {@code field} in the native layout (for layout tests). */
    public int offsetOf(String field) {
        return fieldOffset(field);
    }
}
