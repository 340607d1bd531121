package io.greenband.events.payload;

import io.greenband.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Energy measured (or estimated) on one device or domain of one node over one window (energy.md
 * §8.6). Keyed by {@code host/deviceId}. Windows of one device do not overlap, so summing samples
 * never counts energy twice.
 *
 * @param nodeId stable node id (e.g. Kubernetes node name)
 * @param host host name, as trials report it in trial-started
 * @param component what was measured
 * @param deviceId GPU UUID, {@code package-0}, {@code dram-0}, {@code ram}
 * @param deviceName device model name, optional
 * @param deviceIndex device index on the node, optional
 * @param method how it was measured
 * @param estimated true when the value is modelled rather than read from a counter or sensor
 * @param windowStart window start (UTC)
 * @param windowEnd window end (UTC), not before the start
 * @param durationNs window length from a monotonic clock
 * @param energyJoules energy in the window
 * @param counterStart raw counter at the start, optional
 * @param counterEnd raw counter at the end, optional
 * @param counterUnit {@code mJ} or {@code uJ}, with the counters
 * @param wraps counter wrap-arounds handled in the window
 * @param resetDetected whether the counter went back without a plausible wrap
 * @param avgPowerW mean power over the window
 * @param maxPowerW highest power sample, optional
 * @param powerLimitW enforced power limit (GPU), optional
 * @param utilizationPct GPU utilization or CPU busy ratio in percent, optional
 * @param processes processes seen using the device in the window
 * @param attribution energy split among trials when the monitor attributes it itself (usually
 *     empty: the aggregator attributes)
 * @param unattributedJoules energy not attributed to any trial, optional
 * @param idleJoules idle share of the window's energy, optional
 * @param flags quality flags
 * @param seq per-device sequence number, increasing
 * @param usage what the host's processes used in the window (host-scoped samples), optional
 * @param machine what the machine is (os, CPU, memory, GPUs, location), optional
 */
public record EnergySample(
        String nodeId,
        String host,
        Component component,
        String deviceId,
        String deviceName,
        Integer deviceIndex,
        Method method,
        boolean estimated,
        Instant windowStart,
        Instant windowEnd,
        long durationNs,
        double energyJoules,
        Double counterStart,
        Double counterEnd,
        String counterUnit,
        int wraps,
        boolean resetDetected,
        double avgPowerW,
        Double maxPowerW,
        Double powerLimitW,
        Double utilizationPct,
        List<ProcessSeen> processes,
        List<Attribution> attribution,
        Double unattributedJoules,
        Double idleJoules,
        List<Flag> flags,
        long seq,
        HostUsage usage,
        HostFacts machine)
        implements GreenbandEvent {

    private static final Set<Method> MEASURED =
            Set.of(Method.NVML_ENERGY_COUNTER, Method.NVML_POWER_INTEGRATION, Method.RAPL);

    public EnergySample {
        FieldChecks.text(nodeId, "nodeId");
        FieldChecks.text(host, "host");
        FieldChecks.present(component, "component");
        FieldChecks.text(deviceId, "deviceId");
        FieldChecks.present(method, "method");
        if (!estimated && !MEASURED.contains(method)) {
            throw new InvalidFieldException(
                    "estimated",
                    "estimated must be true for method "
                            + method
                            + " (only NVML and RAPL readings are measurements)");
        }
        FieldChecks.present(windowStart, "windowStart");
        FieldChecks.present(windowEnd, "windowEnd");
        if (windowEnd.isBefore(windowStart)) {
            throw new InvalidFieldException(
                    "windowEnd",
                    "windowEnd ("
                            + windowEnd
                            + ") must not be before windowStart ("
                            + windowStart
                            + ")");
        }
        FieldChecks.atLeast(durationNs, 0, "durationNs");
        FieldChecks.atLeast(energyJoules, 0, "energyJoules");
        if (counterUnit != null && !counterUnit.equals("mJ") && !counterUnit.equals("uJ")) {
            throw new InvalidFieldException(
                    "counterUnit", "counterUnit must be 'mJ' or 'uJ', got '" + counterUnit + "'");
        }
        FieldChecks.atLeast(wraps, 0, "wraps");
        FieldChecks.atLeast(avgPowerW, 0, "avgPowerW");
        FieldChecks.optAtLeast(maxPowerW, 0, "maxPowerW");
        FieldChecks.optAtLeast(powerLimitW, 0, "powerLimitW");
        FieldChecks.optAtLeast(utilizationPct, 0, "utilizationPct");
        if (utilizationPct != null && utilizationPct > 100) {
            throw new InvalidFieldException(
                    "utilizationPct", "utilizationPct must be <= 100, got " + utilizationPct);
        }
        processes = FieldChecks.list(processes, "processes");
        attribution = FieldChecks.list(attribution, "attribution");
        FieldChecks.optAtLeast(unattributedJoules, 0, "unattributedJoules");
        FieldChecks.optAtLeast(idleJoules, 0, "idleJoules");
        flags = FieldChecks.list(flags, "flags");
        FieldChecks.atLeast(seq, 0, "seq");
        if (usage != null && component == Component.GPU) {
            throw new InvalidFieldException(
                    "usage", "usage describes host components; a GPU sample must not carry it");
        }
        if (!attribution.isEmpty()) {
            double sum = unattributedJoules == null ? 0 : unattributedJoules;
            for (Attribution a : attribution) {
                sum += a.energyJoules();
            }
            if (Math.abs(sum - energyJoules) > Math.max(1e-6, 1e-9 * energyJoules)) {
                throw new InvalidFieldException(
                        "attribution",
                        "attribution energies plus unattributedJoules must add up to "
                                + "energyJoules ("
                                + energyJoules
                                + "), got "
                                + sum);
            }
        }
    }

    /** A sample without process usage (the fields before {@code usage} was added). */
    public EnergySample(
            String nodeId,
            String host,
            Component component,
            String deviceId,
            String deviceName,
            Integer deviceIndex,
            Method method,
            boolean estimated,
            Instant windowStart,
            Instant windowEnd,
            long durationNs,
            double energyJoules,
            Double counterStart,
            Double counterEnd,
            String counterUnit,
            int wraps,
            boolean resetDetected,
            double avgPowerW,
            Double maxPowerW,
            Double powerLimitW,
            Double utilizationPct,
            List<ProcessSeen> processes,
            List<Attribution> attribution,
            Double unattributedJoules,
            Double idleJoules,
            List<Flag> flags,
            long seq) {
        this(
                nodeId,
                host,
                component,
                deviceId,
                deviceName,
                deviceIndex,
                method,
                estimated,
                windowStart,
                windowEnd,
                durationNs,
                energyJoules,
                counterStart,
                counterEnd,
                counterUnit,
                wraps,
                resetDetected,
                avgPowerW,
                maxPowerW,
                powerLimitW,
                utilizationPct,
                processes,
                attribution,
                unattributedJoules,
                idleJoules,
                flags,
                seq,
                null,
                null);
    }

    /** A sample without the machine's facts (the fields before {@code machine} was added). */
    public EnergySample(
            String nodeId,
            String host,
            Component component,
            String deviceId,
            String deviceName,
            Integer deviceIndex,
            Method method,
            boolean estimated,
            Instant windowStart,
            Instant windowEnd,
            long durationNs,
            double energyJoules,
            Double counterStart,
            Double counterEnd,
            String counterUnit,
            int wraps,
            boolean resetDetected,
            double avgPowerW,
            Double maxPowerW,
            Double powerLimitW,
            Double utilizationPct,
            List<ProcessSeen> processes,
            List<Attribution> attribution,
            Double unattributedJoules,
            Double idleJoules,
            List<Flag> flags,
            long seq,
            HostUsage usage) {
        this(
                nodeId,
                host,
                component,
                deviceId,
                deviceName,
                deviceIndex,
                method,
                estimated,
                windowStart,
                windowEnd,
                durationNs,
                energyJoules,
                counterStart,
                counterEnd,
                counterUnit,
                wraps,
                resetDetected,
                avgPowerW,
                maxPowerW,
                powerLimitW,
                utilizationPct,
                processes,
                attribution,
                unattributedJoules,
                idleJoules,
                flags,
                seq,
                usage,
                null);
    }

    /** This sample with the host's process usage attached. */
    public EnergySample withUsage(HostUsage hostUsage) {
        return new EnergySample(
                nodeId,
                host,
                component,
                deviceId,
                deviceName,
                deviceIndex,
                method,
                estimated,
                windowStart,
                windowEnd,
                durationNs,
                energyJoules,
                counterStart,
                counterEnd,
                counterUnit,
                wraps,
                resetDetected,
                avgPowerW,
                maxPowerW,
                powerLimitW,
                utilizationPct,
                processes,
                attribution,
                unattributedJoules,
                idleJoules,
                flags,
                seq,
                hostUsage,
                machine);
    }

    /** This sample with the machine's facts attached. */
    public EnergySample withMachine(HostFacts facts) {
        return new EnergySample(
                nodeId,
                host,
                component,
                deviceId,
                deviceName,
                deviceIndex,
                method,
                estimated,
                windowStart,
                windowEnd,
                durationNs,
                energyJoules,
                counterStart,
                counterEnd,
                counterUnit,
                wraps,
                resetDetected,
                avgPowerW,
                maxPowerW,
                powerLimitW,
                utilizationPct,
                processes,
                attribution,
                unattributedJoules,
                idleJoules,
                flags,
                seq,
                usage,
                facts);
    }

    /** The idempotency key of energy.md §8.6: {@code nodeId/component/deviceId/seq}. */
    public String sampleId() {
        return nodeId + "/" + component + "/" + deviceId + "/" + seq;
    }

    @Override
    public EventType type() {
        return EventType.ENERGY_SAMPLE;
    }

    /** {@code host/deviceId} (DESIGN §3). */
    @Override
    public String key() {
        return host + "/" + deviceId;
    }

    @Override
    public String subject() {
        return host + "/" + deviceId;
    }

    @Override
    public String naturalId() {
        return sampleId();
    }

    @Override
    public Instant occurredAt() {
        return windowEnd;
    }

    /** The measured device or domain. */
    public enum Component {
        GPU,
        CPU,
        DRAM,
        RAM_EST,
        PSYS
    }

    /** How the energy was obtained. */
    public enum Method {
        NVML_ENERGY_COUNTER,
        NVML_POWER_INTEGRATION,
        RAPL,
        CPU_LOAD_MODEL,
        TDP_CONSTANT,
        RAM_DIMM_MODEL,
        RAM_PER_GB,
        RAM_FIXED
    }

    /** Data-quality flags. */
    public enum Flag {
        GAP,
        IMPLAUSIBLE,
        POSSIBLE_MISSED_WRAP,
        DEVICE_LOST,
        PERMISSION_DENIED
    }

    /** How a share of the window was attributed. */
    public enum Basis {
        EXCLUSIVE_DEVICE,
        SM_UTIL,
        EQUAL,
        CPU_TIME,
        RSS
    }

    /**
     * A process seen on the device during the window.
     *
     * @param pid process id
     * @param name process name, optional
     * @param utilizationPct the process's utilization of the device in percent (GPU: its SM
     *     utilization over the window from NVML's per-process samples), optional: absent where the
     *     device cannot say
     * @param memoryBytes device memory it used, optional
     * @param ancestors its ancestors' pids as the monitor saw them, parent first, at most {@link
     *     #MAX_ANCESTORS} (empty when unknown): a trial whose pid is among them owns the process
     */
    public record ProcessSeen(
            long pid, String name, Double utilizationPct, Long memoryBytes, List<Long> ancestors) {

        /**
         * Bound on {@code ancestors}; deeper chains are cut (process tables are not that deep in
         * practice).
         */
        public static final int MAX_ANCESTORS = 64;

        public ProcessSeen {
            FieldChecks.atLeast(pid, 0, "pid");
            FieldChecks.optAtLeast(utilizationPct, 0, "utilizationPct");
            if (utilizationPct != null && utilizationPct > 100) {
                throw new InvalidFieldException(
                        "processes/utilizationPct",
                        "a process's utilizationPct must be <= 100, got " + utilizationPct);
            }
            ancestors = FieldChecks.list(ancestors, "processes/ancestors");
            if (ancestors.size() > MAX_ANCESTORS) {
                throw new InvalidFieldException(
                        "processes/ancestors",
                        "processes/ancestors holds "
                                + ancestors.size()
                                + " pids, at most "
                                + MAX_ANCESTORS
                                + " are allowed");
            }
            for (Long a : ancestors) {
                if (a == null || a < 0) {
                    throw new InvalidFieldException(
                            "processes/ancestors", "ancestor pids must be >= 0, got " + a);
                }
            }
        }

        /** A process without known ancestors. */
        public ProcessSeen(long pid, String name, Double utilizationPct, Long memoryBytes) {
            this(pid, name, utilizationPct, memoryBytes, List.of());
        }
    }

    /**
     * Energy of the window attributed to one trial.
     *
     * @param trialId the trial
     * @param pids its processes seen
     * @param basis how the share was computed
     * @param share fraction of the window's energy, in [0, 1]
     * @param energyJoules the attributed energy
     */
    public record Attribution(
            String trialId, List<Long> pids, Basis basis, double share, double energyJoules) {
        public Attribution {
            FieldChecks.text(trialId, "trialId");
            pids = FieldChecks.list(pids, "pids");
            FieldChecks.present(basis, "basis");
            FieldChecks.atLeast(share, 0, "share");
            if (share > 1 + 1e-9) {
                throw new InvalidFieldException("share", "share must be <= 1, got " + share);
            }
            FieldChecks.atLeast(energyJoules, 0, "energyJoules");
        }
    }
}
