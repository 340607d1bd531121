package io.greenband.energy.nvml;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The NVML symbols greenband binds, by their exported (versioned) names: nvml.h maps the
 * unversioned names to these with macros, and the unversioned exports keep old struct layouts.
 * {@code unsigned int} travels as {@code int} (read with {@link Integer#toUnsignedLong}), {@code
 * unsigned long long} as {@code long}, {@code nvmlDevice_t} as an opaque {@link Pointer}.
 */
public interface NvmlLibrary extends Library {

    int nvmlInit_v2();

    int nvmlShutdown();

    String nvmlErrorString(int result);

    int nvmlSystemGetDriverVersion(byte[] version, int length);

    int nvmlDeviceGetCount_v2(IntByReference deviceCount);

    int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

    int nvmlDeviceGetName(Pointer device, byte[] name, int length);

    int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

    int nvmlDeviceGetArchitecture(Pointer device, IntByReference arch);

    int nvmlDeviceGetPowerUsage(Pointer device, IntByReference milliwatts);

    int nvmlDeviceGetTotalEnergyConsumption(Pointer device, LongByReference millijoules);

    int nvmlDeviceGetEnforcedPowerLimit(Pointer device, IntByReference milliwatts);

    int nvmlDeviceGetUtilizationRates(Pointer device, NvmlUtilization utilization);

    int nvmlDeviceGetComputeRunningProcesses_v3(
            Pointer device, IntByReference infoCount, NvmlProcessInfo infos);

    int nvmlDeviceGetProcessUtilization(
            Pointer device,
            NvmlProcessUtilization utilization,
            IntByReference processSamplesCount,
            long lastSeenTimeStamp);

    int nvmlDeviceGetMigMode(
            Pointer device, IntByReference currentMode, IntByReference pendingMode);
}
