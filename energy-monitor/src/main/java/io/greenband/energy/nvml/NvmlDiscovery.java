package io.greenband.energy.nvml;

import io.greenband.energy.source.Component;
import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.Method;
import io.greenband.energy.source.SourceKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Finds the GPUs NVML can open and decides each one's method by probing the energy counter once.
 * Devices are keyed by UUID: NVML indices change across reboots and differ from CUDA indices.
 */
final class NvmlDiscovery {

    private static final System.Logger LOG = System.getLogger(NvmlDiscovery.class.getName());

    /** Boards exceed their enforced limit briefly; beyond this multiple a reading is an error. */
    static final double PLAUSIBLE_FACTOR = 1.5;

    /** Absolute slack on top, so tiny limits do not trip on rounding. */
    static final double PLAUSIBLE_MARGIN_WATTS = 5.0;

    private NvmlDiscovery() {}

    /** Every usable GPU; devices this process may not open are skipped with a log line. */
    static List<GpuState> discover(NvmlApi api) throws NvmlException {
        int count = api.deviceCount();
        List<GpuState> gpus = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < count; index++) {
            GpuState g = probe(api, index);
            if (g != null && seen.add(g.device.id())) {
                gpus.add(g);
            }
        }
        return List.copyOf(gpus);
    }

    private static GpuState probe(NvmlApi api, int index) {
        NvmlHandle handle;
        String uuid;
        try {
            handle = api.handle(index);
            uuid = api.uuid(handle);
        } catch (NvmlException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "GPU at NVML index "
                            + index
                            + " skipped: "
                            + e.getMessage()
                            + (e.kind() == NvmlReturn.NO_PERMISSION
                                    ? "; this process may not open it"
                                    : ""));
            return null;
        }
        String name = optional(() -> api.name(handle), "");
        long limitMw = optional(() -> api.enforcedPowerLimitMilliwatts(handle), 0L);
        boolean mig = optional(() -> api.migEnabled(handle), false);
        Method method = Method.NVML_ENERGY_COUNTER;
        try {
            api.totalEnergyMillijoules(handle);
        } catch (NvmlException e) {
            // Pre-Volta or virtualised GPUs: integrate power instead of silently reporting zero
            // energy.
            method = Method.NVML_POWER_INTEGRATION;
            LOG.log(
                    System.Logger.Level.INFO,
                    "GPU "
                            + uuid
                            + ": energy counter unavailable ("
                            + e.getMessage()
                            + "), using power integration");
        }
        OptionalDouble limit =
                limitMw > 0 ? OptionalDouble.of(limitMw / 1000.0) : OptionalDouble.empty();
        OptionalDouble bound =
                limitMw > 0
                        ? OptionalDouble.of(
                                limitMw / 1000.0 * PLAUSIBLE_FACTOR + PLAUSIBLE_MARGIN_WATTS)
                        : OptionalDouble.empty();
        DeviceInfo device =
                new DeviceInfo(
                        uuid, Component.GPU, SourceKind.NVML, method, name, index, limit, bound);
        LOG.log(
                System.Logger.Level.INFO,
                "GPU "
                        + index
                        + " "
                        + uuid
                        + " '"
                        + name
                        + "': "
                        + method.label()
                        + (limitMw > 0 ? ", power limit " + limitMw / 1000.0 + " W" : "")
                        + (mig ? ", MIG on" : ""));
        return new GpuState(handle, device, mig);
    }

    private interface Query<T> {
        T run() throws NvmlException;
    }

    private static <T> T optional(Query<T> q, T fallback) {
        try {
            return q.run();
        } catch (NvmlException e) {
            return fallback;
        }
    }
}
