package io.greenband.energy.nvml;

import com.sun.jna.Structure;

/**
 * {@code nvmlProcessInfo_t} (= {@code nvmlProcessInfo_v2_t}), the element written by {@code
 * nvmlDeviceGetComputeRunningProcesses_v3}: 24 bytes, pid at 0, 4 bytes padding, memory at 8, GPU
 * and compute instance ids at 16 and 20. The unversioned symbol writes a 16-byte layout instead;
 * binding it with this struct scrambles pids, which is why the binding names {@code _v3}.
 */
@Structure.FieldOrder({"pid", "usedGpuMemory", "gpuInstanceId", "computeInstanceId"})
public class NvmlProcessInfo extends Structure {

    /** Host process id. */
    public int pid;

    /** Device memory in bytes, or all ones when not available. */
    public long usedGpuMemory;

    /** MIG GPU instance, all ones when MIG is off. */
    public int gpuInstanceId;

    /** MIG compute instance, all ones when MIG is off. */
    public int computeInstanceId;

    /** The byte offset of {@code field} in the native layout (for layout tests). */
    public int offsetOf(String field) {
        return fieldOffset(field);
    }
}
