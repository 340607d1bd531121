package io.greenband.energy.nvml;

import com.sun.jna.Structure;

/**
 * {@code nvmlProcessUtilizationSample_t}, the element written by {@code
 * nvmlDeviceGetProcessUtilization}: 32 bytes, pid at 0, 4 bytes padding, the sample's CPU timestamp
 * (microseconds) at 8, then SM, memory, encoder and decoder utilization in percent at 16, 20, 24
 * and 28.
 */
@Structure.FieldOrder({"pid", "timeStamp", "smUtil", "memUtil", "encUtil", "decUtil"})
public class NvmlProcessUtilization extends Structure {

    /** Host process id. */
    public int pid;

    /** CPU timestamp of the sample in microseconds. */
    public long timeStamp;

    /** SM (3D/compute) utilization in percent. */
    public int smUtil;

    /** Frame buffer memory utilization in percent. */
    public int memUtil;

    /** Encoder utilization in percent. */
    public int encUtil;

    /** Decoder utilization in percent. */
    public int decUtil;

    /** The byte offset of {@code field} in the native layout (for layout tests). */
    public int offsetOf(String field) {
        return fieldOffset(field);
    }
}
