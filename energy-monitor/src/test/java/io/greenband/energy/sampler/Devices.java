package io.greenband.energy.sampler;

import io.greenband.energy.source.Component;
import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.Method;
import io.greenband.energy.source.SourceKind;
import java.util.OptionalDouble;

/** Small device fixtures. */
public final class Devices {

    private Devices() {}

    /** A GPU with an energy counter and a 300 W limit (plausible up to 455 W). */
    public static DeviceInfo counterGpu(String id) {
        return new DeviceInfo(
                id,
                Component.GPU,
                SourceKind.NVML,
                Method.NVML_ENERGY_COUNTER,
                "test gpu",
                0,
                OptionalDouble.of(300),
                OptionalDouble.of(455));
    }

    /** A GPU integrating power. */
    public static DeviceInfo powerGpu(String id) {
        return counterGpu(id).withMethod(Method.NVML_POWER_INTEGRATION);
    }

    /** An estimated CPU. */
    public static DeviceInfo estimatedCpu() {
        return new DeviceInfo(
                "cpu",
                Component.CPU,
                SourceKind.ESTIMATE,
                Method.CPU_LOAD_MODEL,
                "cpu",
                -1,
                OptionalDouble.of(100),
                OptionalDouble.empty());
    }
}
