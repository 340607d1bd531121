package io.greenband.energy.nvml;

import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.EnergySource;
import io.greenband.energy.source.Method;
import io.greenband.energy.source.ProcessUse;
import io.greenband.energy.source.SampleFlag;
import io.greenband.energy.source.SourceKind;
import io.greenband.energy.source.SourceStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * GPUs as an {@link EnergySource}. Each device reads its energy counter (millijoules → joules) when the
 * probe at discovery succeeded, its power otherwise. NOT_SUPPORTED disables a query for that device,
 * NO_PERMISSION flags the reading, GPU_IS_LOST stops sampling the device; none stops the sampler.
 */
public final class NvmlSource implements EnergySource {

    private static final System.Logger LOG = System.getLogger(NvmlSource.class.getName());

    private final NvmlApi api;
    private final List<GpuState> gpus;
    private final String detail;
    private final Set<String> warned = new HashSet<>();
    private volatile SourceStatus status;

    private NvmlSource(NvmlApi api, List<GpuState> gpus, String detail) {
        this.api = api;
        this.gpus = gpus;
        this.detail = detail;
        this.status = api == null ? SourceStatus.unavailable(SourceKind.NVML, detail) : currentStatus();
    }

    /**
     * Loads NVML from {@code library}, initialises it and discovers the GPUs. Never throws: a missing
     * library or a failing init gives an unavailable source and one log line saying why.
     */
    public static NvmlSource open(String library) {
        NvmlApi api;
        try {
            api = JnaNvml.load(library);
        } catch (NvmlException e) {
            String why = "NVML library '" + library + "' not loadable, GPU energy source unavailable: "
                    + e.getMessage();
            LOG.log(System.Logger.Level.INFO, why);
            return new NvmlSource(null, List.of(), why);
        }
        return open(api, library);
    }

    /** Initialises {@code api} and discovers its GPUs; {@code label} names the library in messages. */
    public static NvmlSource open(NvmlApi api, String label) {
        try {
            api.init();
        } catch (NvmlException e) {
            String why = "NVML from '" + label + "' failed to initialise, GPU energy source unavailable: "
                    + e.getMessage();
            LOG.log(System.Logger.Level.WARNING, why);
            return new NvmlSource(null, List.of(), why);
        }
        try {
            List<GpuState> gpus = NvmlDiscovery.discover(api);
            String driver = driverVersion(api);
            String detail = "NVML from '" + label + "', driver " + driver + ", " + gpus.size() + " GPU(s)";
            LOG.log(System.Logger.Level.INFO, detail);
            return new NvmlSource(api, gpus, detail);
        } catch (NvmlException e) {
            api.close();
            String why = "NVML from '" + label + "' could not count devices, GPU energy source unavailable: "
                    + e.getMessage();
            LOG.log(System.Logger.Level.WARNING, why);
            return new NvmlSource(null, List.of(), why);
        }
    }

    private static String driverVersion(NvmlApi api) {
        try {
            return api.driverVersion();
        } catch (NvmlException e) {
            return "unknown";
        }
    }

    @Override
    public SourceStatus status() {
        return status;
    }

    @Override
    public List<DeviceReading> read() {
        if (api == null) {
            return List.of();
        }
        List<DeviceReading> out = new ArrayList<>(gpus.size());
        boolean changed = false;
        for (GpuState g : gpus) {
            if (g.lost) {
                continue;
            }
            Method before = g.device.method();
            out.add(readOne(g));
            changed |= g.lost || g.device.method() != before;
        }
        if (changed) {
            status = currentStatus();
        }
        return out;
    }

    private DeviceReading readOne(GpuState g) {
        EnumSet<SampleFlag> flags = EnumSet.noneOf(SampleFlag.class);
        Optional<Long> energy = Optional.empty();
        if (!g.unsupported.contains(GpuState.Capability.ENERGY)) {
            energy = attempt(g, GpuState.Capability.ENERGY, flags, () -> api.totalEnergyMillijoules(g.handle));
            if (g.unsupported.contains(GpuState.Capability.ENERGY)) {
                g.device = g.device.withMethod(Method.NVML_POWER_INTEGRATION);
            }
        }
        Optional<Long> power = lostOrUnsupported(g, GpuState.Capability.POWER) ? Optional.empty()
                : attempt(g, GpuState.Capability.POWER, flags, () -> api.powerMilliwatts(g.handle));
        Optional<Integer> util = lostOrUnsupported(g, GpuState.Capability.UTILIZATION) ? Optional.empty()
                : attempt(g, GpuState.Capability.UTILIZATION, flags, () -> api.gpuUtilizationPct(g.handle));
        Optional<List<ProcessUse>> procs = lostOrUnsupported(g, GpuState.Capability.PROCESSES) ? Optional.empty()
                : attempt(g, GpuState.Capability.PROCESSES, flags, () -> api.computeProcesses(g.handle));

        OptionalDouble watts = power.map(mw -> OptionalDouble.of(mw / 1000.0)).orElse(OptionalDouble.empty());
        OptionalDouble value = g.device.method() == Method.NVML_ENERGY_COUNTER
                ? energy.map(mj -> OptionalDouble.of(mj / 1000.0)).orElse(OptionalDouble.empty())
                : watts;
        if (value.isEmpty()) {
            flags.add(SampleFlag.NO_DATA);
        }
        return new DeviceReading(g.device, value, watts,
                util.map(u -> OptionalDouble.of(u.doubleValue())).orElse(OptionalDouble.empty()),
                procs.orElse(List.of()), flags);
    }

    private static boolean lostOrUnsupported(GpuState g, GpuState.Capability c) {
        return g.lost || g.unsupported.contains(c);
    }

    private interface Query<T> {
        T run() throws NvmlException;
    }

    private <T> Optional<T> attempt(GpuState g, GpuState.Capability what, Set<SampleFlag> flags, Query<T> q) {
        try {
            return Optional.of(q.run());
        } catch (NvmlException e) {
            String gpu = g.device.id();
            switch (e.kind()) {
                case NOT_SUPPORTED, FUNCTION_NOT_FOUND -> {
                    g.unsupported.add(what);
                    LOG.log(System.Logger.Level.INFO, "GPU " + gpu + ": " + e.getMessage()
                            + "; " + what + " is no longer queried" + (what == GpuState.Capability.ENERGY
                            ? ", energy now comes from power integration" : ""));
                }
                case NO_PERMISSION -> {
                    flags.add(SampleFlag.PERMISSION_DENIED);
                    warnOnce(gpu + what + e.code(), "GPU " + gpu + ": " + e.getMessage()
                            + "; run the monitor with access to the NVIDIA device files");
                }
                case GPU_IS_LOST, RESET_REQUIRED -> {
                    g.lost = true;
                    flags.add(SampleFlag.DEVICE_LOST);
                    LOG.log(System.Logger.Level.ERROR, "GPU " + gpu + " is lost (" + e.getMessage()
                            + "); it is no longer sampled");
                }
                default -> warnOnce(gpu + what + e.code(), "GPU " + gpu + ": " + e.getMessage());
            }
            return Optional.empty();
        }
    }

    private void warnOnce(String key, String message) {
        if (warned.add(key)) {
            LOG.log(System.Logger.Level.WARNING, message + " (reported once)");
        }
    }

    private SourceStatus currentStatus() {
        List<DeviceInfo> live = gpus.stream().filter(g -> !g.lost).map(g -> g.device).toList();
        return new SourceStatus(SourceKind.NVML, true, live, detail);
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
    }
}
