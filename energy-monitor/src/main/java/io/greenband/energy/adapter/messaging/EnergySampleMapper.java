package io.greenband.energy.adapter.messaging;

import io.greenband.energy.estimate.CpuPowerModel;
import io.greenband.energy.node.MachineFacts;
import io.greenband.energy.node.NodeIdentity;
import io.greenband.energy.sampler.DeviceWindow;
import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.Method;
import io.greenband.energy.source.ProcessUse;
import io.greenband.energy.source.SampleFlag;
import io.greenband.energy.source.SourceKind;
import io.greenband.energy.usage.WindowUsage;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.HostFacts;
import io.greenband.events.payload.HostUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * {@link DeviceWindow} → {@link EnergySample}. Hardware counters are published in the source's own
 * unit (NVML millijoules, RAPL microjoules), unwrapped by the monitor, so {@code counterEnd −
 * counterStart} equals the window energy unless a reset was detected. Every sample carries the
 * machine's facts (with the GPUs seen so far), clipped to the event's bounds.
 */
public final class EnergySampleMapper {

    private final NodeIdentity node;
    private final Incarnation incarnation;
    private final MachineFacts facts;
    private final Map<String, String> gpus = new TreeMap<>();
    private volatile HostFacts machine;

    /**
     * A mapper publishing under {@code node}'s names, numbering samples within {@code incarnation}.
     */
    public EnergySampleMapper(NodeIdentity node, Incarnation incarnation) {
        this(node, incarnation, null);
    }

    /** A mapper that also tells what the machine is ({@code facts}, null for nothing). */
    public EnergySampleMapper(NodeIdentity node, Incarnation incarnation, MachineFacts facts) {
        this.node = node;
        this.incarnation = incarnation;
        this.facts = facts;
        this.machine = facts == null ? null : hostFacts(facts);
    }

    /** Learns the GPUs of a tick's windows, so the samples' machine facts name them. */
    public synchronized void observe(List<DeviceWindow> windows) {
        if (facts == null) {
            return;
        }
        boolean changed = false;
        for (DeviceWindow w : windows) {
            DeviceInfo d = w.device();
            if (d.component() == io.greenband.energy.source.Component.GPU) {
                String key =
                        String.format(
                                java.util.Locale.ROOT, "%08d/%s", Math.max(0, d.index()), d.id());
                changed |= !d.name().equals(gpus.put(key, d.name()));
            }
        }
        if (changed) {
            machine = hostFacts(facts.withGpus(List.copyOf(gpus.values())));
        }
    }

    /** The machine's facts as samples carry them now, null when the mapper has none. */
    public HostFacts machine() {
        return machine;
    }

    /**
     * {@code facts} within the event's bounds: texts clipped and freed of control characters,
     * unknowns left out.
     */
    static HostFacts hostFacts(MachineFacts facts) {
        Integer cpus =
                facts.cpuCount().isPresent()
                        ? Math.max(1, Math.min(HostFacts.MAX_CPUS, facts.cpuCount().getAsInt()))
                        : null;
        Long mem =
                facts.memTotalBytes().isPresent()
                                && facts.memTotalBytes().getAsLong() <= HostFacts.MAX_MEM_BYTES
                        ? facts.memTotalBytes().getAsLong()
                        : null;
        int gpuCount = Math.min(HostFacts.MAX_GPUS, facts.gpuModels().size());
        String country =
                facts.country()
                        .map(c -> c.toUpperCase(java.util.Locale.ROOT))
                        .filter(c -> c.matches("[A-Z]{2,3}"))
                        .orElse(null);
        return new HostFacts(
                clean(facts.os(), HostFacts.MAX_TEXT),
                clean(facts.cpuModel(), HostFacts.MAX_TEXT),
                cpus,
                mem,
                clean(facts.gpuModel(), HostFacts.MAX_TEXT),
                gpuCount > 0 ? gpuCount : null,
                country,
                clean(facts.region().orElse(""), HostFacts.MAX_REGION));
    }

    private static String clean(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        String out = b.toString().strip();
        return out.isEmpty() ? null : out;
    }

    /** The event for one window. */
    public EnergySample toEvent(DeviceWindow w) {
        DeviceInfo d = w.device();
        double unit = d.source() == SourceKind.NVML ? 1e3 : 1e6;
        String counterUnit = d.source() == SourceKind.NVML ? "mJ" : "uJ";
        // Only hardware counters are published; power integration's running total is the monitor's
        // own.
        boolean hardwareCounter =
                d.method() == Method.NVML_ENERGY_COUNTER || d.method() == Method.RAPL;
        boolean counters =
                hardwareCounter
                        && w.counterStartJoules().isPresent()
                        && w.counterEndJoules().isPresent();
        return new EnergySample(
                node.nodeId(),
                node.host(),
                component(d),
                d.id(),
                emptyToNull(d.name()),
                d.index() >= 0 ? d.index() : null,
                EnergySample.Method.valueOf(d.method().name()),
                d.estimated(),
                w.start(),
                w.end(),
                w.durationNanos(),
                w.energyJoules(),
                counters ? Math.max(0, w.counterStartJoules().getAsDouble() * unit) : null,
                counters ? Math.max(0, w.counterEndJoules().getAsDouble() * unit) : null,
                counters ? counterUnit : null,
                w.wraps(),
                w.flags().contains(SampleFlag.RESET),
                Math.max(0, w.meanPowerWatts()),
                boxed(w.maxPowerWatts()),
                boxed(d.powerLimitWatts()),
                percent(w.utilizationPct()),
                processes(w.processes()),
                List.of(),
                null,
                idleJoules(w),
                flags(w),
                incarnation.seq(w.seq()),
                w.usage().map(EnergySampleMapper::usage).orElse(null),
                machine);
    }

    /**
     * The part of a CPU estimate's window that the model draws whatever runs (its idle share of the
     * TDP): the aggregator keeps it as idle energy and splits only the rest by CPU time, so a trial
     * is charged its CPU time against the TDP per core. Unknown (null) for measurements.
     */
    static Double idleJoules(DeviceWindow w) {
        DeviceInfo d = w.device();
        if (d.source() != SourceKind.ESTIMATE
                || d.component() != io.greenband.energy.source.Component.CPU
                || d.method() != Method.CPU_LOAD_MODEL
                || d.powerLimitWatts().isEmpty()) {
            return null;
        }
        double idle =
                CpuPowerModel.IDLE_SHARE
                        * d.powerLimitWatts().getAsDouble()
                        * w.durationNanos()
                        / 1e9;
        return Math.max(0, Math.min(w.energyJoules(), idle));
    }

    private static HostUsage usage(WindowUsage u) {
        List<HostUsage.ProcessTree> trees = new ArrayList<>(u.trees().size());
        for (WindowUsage.TreeUse t : u.trees()) {
            if (trees.size() == HostUsage.MAX_TREES) {
                break;
            }
            trees.add(new HostUsage.ProcessTree(t.pid(), t.cpuSeconds(), t.rssBytes()));
        }
        boolean truncated = u.truncated() || trees.size() < u.trees().size();
        return new HostUsage(
                u.hostCpuSeconds(),
                u.cpuCount(),
                u.memTotalBytes(),
                u.memUsedBytes().isPresent() ? u.memUsedBytes().getAsLong() : null,
                trees,
                truncated);
    }

    private static EnergySample.Component component(DeviceInfo d) {
        return switch (d.component()) {
            case GPU -> EnergySample.Component.GPU;
            case CPU -> EnergySample.Component.CPU;
            case DRAM -> EnergySample.Component.DRAM;
            case PSYS -> EnergySample.Component.PSYS;
            case RAM_EST -> EnergySample.Component.RAM_EST;
        };
    }

    private static List<EnergySample.ProcessSeen> processes(List<ProcessUse> seen) {
        List<EnergySample.ProcessSeen> out = new ArrayList<>(seen.size());
        for (ProcessUse p : seen) {
            out.add(
                    new EnergySample.ProcessSeen(
                            p.pid(),
                            null,
                            p.smUtilPct().isPresent() ? p.smUtilPct().getAsDouble() : null,
                            p.usedMemoryBytes().isPresent()
                                    ? p.usedMemoryBytes().getAsLong()
                                    : null,
                            p.ancestors()));
        }
        return out;
    }

    /**
     * Flags the event schema knows; RESET travels as {@code resetDetected}, NO_DATA and WRAPPED as
     * counts.
     */
    private static List<EnergySample.Flag> flags(DeviceWindow w) {
        List<EnergySample.Flag> out = new ArrayList<>();
        for (SampleFlag f : SampleFlag.values()) {
            if (!w.flags().contains(f)) {
                continue;
            }
            switch (f) {
                case GAP -> out.add(EnergySample.Flag.GAP);
                case IMPLAUSIBLE -> out.add(EnergySample.Flag.IMPLAUSIBLE);
                case POSSIBLE_MISSED_WRAP -> out.add(EnergySample.Flag.POSSIBLE_MISSED_WRAP);
                case DEVICE_LOST -> out.add(EnergySample.Flag.DEVICE_LOST);
                case PERMISSION_DENIED -> out.add(EnergySample.Flag.PERMISSION_DENIED);
                default -> {}
            }
        }
        return out;
    }

    private static Double boxed(OptionalDouble v) {
        return v.isPresent() && v.getAsDouble() >= 0 ? v.getAsDouble() : null;
    }

    private static Double percent(OptionalDouble v) {
        return v.isPresent() ? Math.max(0, Math.min(100, v.getAsDouble())) : null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
