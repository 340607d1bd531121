package io.greenband.energy.nvml;

import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.EnergySource;
import io.greenband.energy.source.Method;
import io.greenband.energy.source.ProcessUse;
import io.greenband.energy.source.SampleFlag;
import io.greenband.energy.source.SourceKind;
import io.greenband.energy.source.SourceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * GPUs as an {@link EnergySource}. Each device reads its energy counter (millijoules → joules) when
 * the probe at discovery succeeded; otherwise its power is integrated into a running counter, from
 * the tick's reading and, in between, from a poller ({@link #DEFAULT_POWER_POLL}, as Zeus does for
 * such GPUs). NOT_SUPPORTED disables a query for that device, NO_PERMISSION flags the reading,
 * GPU_IS_LOST stops sampling the device; none stops the sampler.
 */
public final class NvmlSource implements EnergySource {

    private static final System.Logger LOG = System.getLogger(NvmlSource.class.getName());

    /** Power poll period for GPUs without an energy counter. */
    public static final Duration DEFAULT_POWER_POLL = Duration.ofMillis(100);

    private final NvmlApi api;
    private final List<GpuState> gpus;
    private final String detail;
    private final LongSupplier nanos;
    private final ScheduledExecutorService poller;
    private final Set<String> warned = new HashSet<>();
    private volatile SourceStatus status;

    private NvmlSource(
            NvmlApi api,
            List<GpuState> gpus,
            String detail,
            LongSupplier nanos,
            Duration powerPoll) {
        this.api = api;
        this.gpus = gpus;
        this.detail = detail;
        this.nanos = nanos;
        this.status =
                api == null ? SourceStatus.unavailable(SourceKind.NVML, detail) : currentStatus();
        this.poller =
                api == null || gpus.isEmpty() || powerPoll.isZero() || powerPoll.isNegative()
                        ? null
                        : startPoller(powerPoll);
    }

    private ScheduledExecutorService startPoller(Duration period) {
        ScheduledExecutorService ex =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "greenband-nvml-power-poll");
                            t.setDaemon(true);
                            return t;
                        });
        ex.scheduleAtFixedRate(
                this::pollPower, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        return ex;
    }

    /**
     * Feeds the integrators of power-integrated GPUs between ticks; errors are left to the tick to
     * report.
     */
    private void pollPower() {
        for (GpuState g : gpus) {
            if (g.lost
                    || g.device.method() != Method.NVML_POWER_INTEGRATION
                    || g.unsupported.contains(GpuState.Capability.POWER)) {
                continue;
            }
            try {
                long mw = api.powerMilliwatts(g.handle);
                g.integrator.sample(nanos.getAsLong(), mw / 1000.0);
            } catch (NvmlException | RuntimeException e) {
                // The next tick reads power too and classifies the error once.
            }
        }
    }

    /**
     * Loads NVML from {@code library}, initialises it and discovers the GPUs. Never throws: a
     * missing library or a failing init gives an unavailable source and one log line saying why.
     */
    public static NvmlSource open(String library) {
        return open(library, System::nanoTime, DEFAULT_POWER_POLL);
    }

    /**
     * As {@link #open(String)} with the clock for power integration and the power poll period
     * (zero: no poller, power is integrated at the tick rate only).
     */
    public static NvmlSource open(String library, LongSupplier nanos, Duration powerPoll) {
        NvmlApi api;
        try {
            api = JnaNvml.load(library);
        } catch (NvmlException e) {
            String why =
                    "NVML library '"
                            + library
                            + "' not loadable, GPU energy source unavailable: "
                            + e.getMessage();
            LOG.log(System.Logger.Level.INFO, why);
            return new NvmlSource(null, List.of(), why, nanos, Duration.ZERO);
        }
        return open(api, library, nanos, powerPoll);
    }

    /**
     * Initialises {@code api} and discovers its GPUs; {@code label} names the library in messages.
     */
    public static NvmlSource open(
            NvmlApi api, String label, LongSupplier nanos, Duration powerPoll) {
        try {
            api.init();
        } catch (NvmlException e) {
            String why =
                    "NVML from '"
                            + label
                            + "' failed to initialise, GPU energy source unavailable: "
                            + e.getMessage();
            LOG.log(System.Logger.Level.WARNING, why);
            return new NvmlSource(null, List.of(), why, nanos, Duration.ZERO);
        }
        try {
            List<GpuState> gpus = NvmlDiscovery.discover(api);
            String driver = driverVersion(api);
            String detail =
                    "NVML from '" + label + "', driver " + driver + ", " + gpus.size() + " GPU(s)";
            LOG.log(System.Logger.Level.INFO, detail);
            return new NvmlSource(api, gpus, detail, nanos, powerPoll);
        } catch (NvmlException e) {
            api.close();
            String why =
                    "NVML from '"
                            + label
                            + "' could not count devices, GPU energy source unavailable: "
                            + e.getMessage();
            LOG.log(System.Logger.Level.WARNING, why);
            return new NvmlSource(null, List.of(), why, nanos, Duration.ZERO);
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
            energy =
                    attempt(
                            g,
                            GpuState.Capability.ENERGY,
                            flags,
                            () -> api.totalEnergyMillijoules(g.handle));
            if (g.unsupported.contains(GpuState.Capability.ENERGY)) {
                g.device = g.device.withMethod(Method.NVML_POWER_INTEGRATION);
            }
        }
        Optional<Long> power =
                lostOrUnsupported(g, GpuState.Capability.POWER)
                        ? Optional.empty()
                        : attempt(
                                g,
                                GpuState.Capability.POWER,
                                flags,
                                () -> api.powerMilliwatts(g.handle));
        long now = nanos.getAsLong();
        Optional<Integer> util =
                lostOrUnsupported(g, GpuState.Capability.UTILIZATION)
                        ? Optional.empty()
                        : attempt(
                                g,
                                GpuState.Capability.UTILIZATION,
                                flags,
                                () -> api.gpuUtilizationPct(g.handle));
        Optional<List<ProcessUse>> procs =
                lostOrUnsupported(g, GpuState.Capability.PROCESSES)
                        ? Optional.empty()
                        : attempt(
                                g,
                                GpuState.Capability.PROCESSES,
                                flags,
                                () -> api.computeProcesses(g.handle));
        Optional<List<ProcessSmSample>> smSamples =
                lostOrUnsupported(g, GpuState.Capability.PROCESS_UTILIZATION)
                        ? Optional.empty()
                        : attempt(
                                g,
                                GpuState.Capability.PROCESS_UTILIZATION,
                                flags,
                                () -> api.processUtilization(g.handle, g.lastUtilSampleMicros));

        OptionalDouble watts =
                power.map(mw -> OptionalDouble.of(mw / 1000.0)).orElse(OptionalDouble.empty());
        OptionalDouble value;
        if (g.device.method() == Method.NVML_ENERGY_COUNTER) {
            value = energy.map(mj -> OptionalDouble.of(mj / 1000.0)).orElse(OptionalDouble.empty());
        } else {
            value =
                    watts.isPresent()
                            ? OptionalDouble.of(g.integrator.sample(now, watts.getAsDouble()))
                            : OptionalDouble.empty();
        }
        if (value.isEmpty()) {
            flags.add(SampleFlag.NO_DATA);
        }
        return new DeviceReading(
                g.device,
                value,
                watts,
                util.map(u -> OptionalDouble.of(u.doubleValue())).orElse(OptionalDouble.empty()),
                withSmUtil(g, procs.orElse(List.of()), smSamples),
                flags);
    }

    /**
     * The processes with their SM utilization since the previous tick: the mean of each pid's
     * samples, 0 for a listed process the device sampled none of; a pid sampled but not listed (a
     * graphics context) is added. Without per-process samples (NOT_SUPPORTED, MIG, an error) the
     * list is returned as it was.
     */
    static List<ProcessUse> withSmUtil(
            GpuState g, List<ProcessUse> procs, Optional<List<ProcessSmSample>> samples) {
        if (samples.isEmpty()) {
            return procs;
        }
        java.util.Map<Long, double[]> byPid = new java.util.LinkedHashMap<>();
        for (ProcessSmSample s : samples.get()) {
            double[] acc = byPid.computeIfAbsent(s.pid(), k -> new double[2]);
            acc[0] += s.smUtilPct();
            acc[1]++;
            g.lastUtilSampleMicros = Math.max(g.lastUtilSampleMicros, s.timestampMicros());
        }
        List<ProcessUse> out = new ArrayList<>(procs.size() + byPid.size());
        for (ProcessUse p : procs) {
            double[] acc = byPid.remove(p.pid());
            out.add(p.withSmUtil(acc == null ? 0 : acc[0] / acc[1]));
        }
        for (java.util.Map.Entry<Long, double[]> e : byPid.entrySet()) {
            out.add(
                    new ProcessUse(e.getKey(), java.util.OptionalLong.empty())
                            .withSmUtil(e.getValue()[0] / e.getValue()[1]));
        }
        return out;
    }

    private static boolean lostOrUnsupported(GpuState g, GpuState.Capability c) {
        return g.lost || g.unsupported.contains(c);
    }

    private interface Query<T> {
        T run() throws NvmlException;
    }

    private <T> Optional<T> attempt(
            GpuState g, GpuState.Capability what, Set<SampleFlag> flags, Query<T> q) {
        try {
            return Optional.of(q.run());
        } catch (NvmlException e) {
            String gpu = g.device.id();
            switch (e.kind()) {
                case NOT_SUPPORTED, FUNCTION_NOT_FOUND -> {
                    g.unsupported.add(what);
                    LOG.log(
                            System.Logger.Level.INFO,
                            "GPU "
                                    + gpu
                                    + ": "
                                    + e.getMessage()
                                    + "; "
                                    + what
                                    + " is no longer queried"
                                    + (what == GpuState.Capability.ENERGY
                                            ? ", energy now comes from power integration"
                                            : what == GpuState.Capability.PROCESS_UTILIZATION
                                                    ? ", trials sharing it are charged evenly (basis EQUAL)"
                                                    : ""));
                }
                case NO_PERMISSION -> {
                    flags.add(SampleFlag.PERMISSION_DENIED);
                    warnOnce(
                            gpu + what + e.code(),
                            "GPU "
                                    + gpu
                                    + ": "
                                    + e.getMessage()
                                    + "; run the monitor with access to the NVIDIA device files");
                }
                case GPU_IS_LOST, RESET_REQUIRED -> {
                    g.lost = true;
                    flags.add(SampleFlag.DEVICE_LOST);
                    LOG.log(
                            System.Logger.Level.ERROR,
                            "GPU "
                                    + gpu
                                    + " is lost ("
                                    + e.getMessage()
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
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (api != null) {
            api.close();
        }
    }
}
