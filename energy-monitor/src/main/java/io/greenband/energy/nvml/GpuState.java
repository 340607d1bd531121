package io.greenband.energy.nvml;

import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.Method;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What {@link NvmlSource} knows about one GPU between ticks; the power poller reads it too. */
final class GpuState {

    /** Optional queries; one that answers NOT_SUPPORTED is not asked again. */
    enum Capability {
        ENERGY,
        POWER,
        UTILIZATION,
        PROCESSES,
        PROCESS_UTILIZATION
    }

    final NvmlHandle handle;
    volatile DeviceInfo device;

    /** Read by the power poller too, hence synchronized. */
    final Set<Capability> unsupported =
            Collections.synchronizedSet(EnumSet.noneOf(Capability.class));

    final PowerIntegrator integrator = new PowerIntegrator();
    volatile boolean lost;

    /**
     * The newest per-process utilization sample seen (CPU microseconds); only the tick reads it.
     */
    long lastUtilSampleMicros;

    GpuState(NvmlHandle handle, DeviceInfo device, boolean mig) {
        this.handle = handle;
        this.device = device;
        if (mig) {
            // Utilization and per-process queries are not supported on MIG-enabled GPUs.
            unsupported.add(Capability.UTILIZATION);
            unsupported.add(Capability.PROCESS_UTILIZATION);
        }
        if (device.method() != Method.NVML_ENERGY_COUNTER) {
            unsupported.add(Capability.ENERGY);
        }
    }
}
