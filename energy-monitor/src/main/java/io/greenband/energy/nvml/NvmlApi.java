package io.greenband.energy.nvml;

import io.greenband.energy.source.ProcessUse;
import java.util.List;

/**
 * The NVML operations greenband uses, in Java terms and SI-adjacent units as NVML gives them. Every
 * method throws {@link NvmlException} with NVML's code; callers decide what each code means.
 */
public interface NvmlApi extends AutoCloseable {

    /** {@code nvmlInit_v2}; must succeed before anything else. */
    void init() throws NvmlException;

    /** The driver version, e.g. {@code 580.65.06}. */
    String driverVersion() throws NvmlException;

    /** All devices, including ones this process may not be allowed to open. */
    int deviceCount() throws NvmlException;

    /** The handle of the device at NVML index {@code index} (not the CUDA index). */
    NvmlHandle handle(int index) throws NvmlException;

    /** The device's UUID, e.g. {@code GPU-5f2c...}; the stable key. */
    String uuid(NvmlHandle device) throws NvmlException;

    /** The marketing name, e.g. {@code NVIDIA H100 80GB HBM3}. */
    String name(NvmlHandle device) throws NvmlException;

    /** {@code nvmlDeviceArchitecture_t}: 5 = Volta, 9 = Hopper... */
    int architecture(NvmlHandle device) throws NvmlException;

    /** Energy since the driver was loaded, in millijoules (Volta and newer). */
    long totalEnergyMillijoules(NvmlHandle device) throws NvmlException;

    /** Board power in milliwatts (a 1 s average on Ampere and newer, except GA100). */
    long powerMilliwatts(NvmlHandle device) throws NvmlException;

    /** The power limit in force after every limiter, in milliwatts. */
    long enforcedPowerLimitMilliwatts(NvmlHandle device) throws NvmlException;

    /** Percent of time a kernel ran over the last sample period (not on MIG-enabled GPUs). */
    int gpuUtilizationPct(NvmlHandle device) throws NvmlException;

    /** Whether MIG mode is currently on. */
    boolean migEnabled(NvmlHandle device) throws NvmlException;

    /** Processes holding a compute context on the device, with host pids. */
    List<ProcessUse> computeProcesses(NvmlHandle device) throws NvmlException;

    /**
     * {@code nvmlDeviceGetProcessUtilization}: the per-process samples newer than {@code
     * sinceMicros} (a CPU timestamp in microseconds, 0 for all the driver holds); empty when there
     * are none (NOT_FOUND).
     */
    List<ProcessSmSample> processUtilization(NvmlHandle device, long sinceMicros)
            throws NvmlException;

    /** {@code nvmlShutdown}, once per successful init; idempotent. */
    @Override
    void close();
}
