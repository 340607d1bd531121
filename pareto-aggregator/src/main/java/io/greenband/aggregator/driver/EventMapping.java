package io.greenband.aggregator.driver;

import io.greenband.aggregator.core.attribution.Component;
import io.greenband.aggregator.core.attribution.HostUsage;
import io.greenband.aggregator.core.attribution.ProcessSeen;
import io.greenband.aggregator.core.attribution.ShareBasis;
import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.attribution.TrialWindow;
import io.greenband.aggregator.core.emissions.CarbonSettings;
import io.greenband.aggregator.core.export.MachineFacts;
import io.greenband.aggregator.core.objective.MissingPolicy;
import io.greenband.aggregator.core.objective.ObjectivePlan;
import io.greenband.aggregator.core.objective.ObjectiveSpec;
import io.greenband.aggregator.core.objective.ProducedValue;
import io.greenband.aggregator.core.objective.TrialOutcome;
import io.greenband.aggregator.core.objective.TrialStatus;
import io.greenband.events.payload.Carbon;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.Objective;
import io.greenband.events.payload.ObjectiveReported;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialStarted;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Maps event payloads to the core's records; no state. */
public final class EventMapping {

    private EventMapping() {}

    /** The objective plan of a study definition. */
    public static ObjectivePlan plan(StudyDefined study) {
        ObjectivePlan.Builder b = ObjectivePlan.builder();
        for (Objective o : study.objectives()) {
            b.addObjective(
                    ObjectiveSpec.of(
                                    o.name(),
                                    o.direction().name().toLowerCase(Locale.ROOT),
                                    o.source())
                            .with(
                                    Duration.ofSeconds(o.waitTimeoutSeconds()),
                                    MissingPolicy.valueOf(o.onTimeout().name())));
        }
        return b.build();
    }

    /**
     * The carbon settings of a study definition: fixed intensity, else region, else the world
     * default.
     */
    public static CarbonSettings carbon(Carbon c) {
        double pue = c.pue() == null ? CarbonSettings.DEFAULT_PUE : c.pue();
        if (c.intensityGPerKwh() != null) {
            return CarbonSettings.fixed(c.intensityGPerKwh(), pue);
        }
        if (c.region() != null && !c.region().isBlank()) {
            return CarbonSettings.country(c.region(), pue);
        }
        return new CarbonSettings(OptionalDouble.empty(), java.util.Optional.empty(), pue);
    }

    /** The trial attempt an event is about. */
    public static TrialKey key(String trialId, int attempt) {
        return new TrialKey(trialId, attempt);
    }

    /** The open window of a started trial. */
    public static TrialWindow window(TrialStarted e) {
        return TrialWindow.started(
                key(e.trialId(), e.attempt()),
                e.host(),
                Set.copyOf(e.devices()),
                e.pid() > 0 ? Set.of(e.pid()) : Set.of(),
                e.startedAt());
    }

    /** The closed window of a finished trial, when it ran somewhere (a LOST trial may not have). */
    public static java.util.Optional<TrialWindow> window(
            TrialFinished e, java.util.Optional<TrialWindow> started) {
        if (e.startedAt() == null || e.host() == null) {
            return started.map(w -> w.endingAt(e.endedAt()));
        }
        Set<String> devices = new LinkedHashSet<>(e.devices());
        Set<Long> pids = Set.of();
        if (started.isPresent()) {
            devices.addAll(started.get().devices());
            pids = started.get().pids();
        }
        if (devices.isEmpty()) {
            devices.add(TrialWindow.CPU);
        }
        return java.util.Optional.of(
                TrialWindow.finished(
                        key(e.trialId(), e.attempt()),
                        e.host(),
                        devices,
                        pids,
                        e.startedAt(),
                        e.endedAt()));
    }

    /** What the trainer reported at the end. */
    public static TrialOutcome outcome(TrialFinished e) {
        return new TrialOutcome(
                key(e.trialId(), e.attempt()),
                e.fidelity(),
                TrialStatus.valueOf(e.status().name()),
                e.metrics(),
                e.endedAt(),
                e.error());
    }

    /** A plug-in's value. */
    public static ProducedValue produced(ObjectiveReported e) {
        return new ProducedValue(
                key(e.trialId(), e.attempt()),
                e.producer(),
                e.objective(),
                e.value(),
                e.reportedAt());
    }

    /** The core's view of a sample; modelled readings count as estimates whatever they measured. */
    public static io.greenband.aggregator.core.attribution.EnergySample sample(EnergySample e) {
        Component component =
                e.estimated()
                        ? Component.ESTIMATED
                        : switch (e.component()) {
                            case GPU -> Component.GPU;
                            case CPU -> Component.CPU_PACKAGE;
                            case DRAM -> Component.DRAM;
                            case PSYS -> Component.PSYS;
                            case RAM_EST -> Component.ESTIMATED;
                        };
        // Most samples list no processes: skip the stream then, it is per sample.
        List<ProcessSeen> processes =
                e.processes().isEmpty()
                        ? List.of()
                        : e.processes().stream()
                                .map(
                                        p ->
                                                new ProcessSeen(
                                                        p.pid(),
                                                        p.utilizationPct() == null
                                                                ? OptionalDouble.empty()
                                                                : OptionalDouble.of(
                                                                        p.utilizationPct()),
                                                        p.ancestors()))
                                .toList();
        return new io.greenband.aggregator.core.attribution.EnergySample(
                e.sampleId(),
                e.host(),
                e.deviceId(),
                component,
                e.windowStart(),
                e.windowEnd(),
                e.energyJoules(),
                e.utilizationPct() == null
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(e.utilizationPct()),
                processes,
                usage(e));
    }

    /** What a sample says of its host's machine, when it says anything. */
    public static java.util.Optional<MachineFacts> machine(EnergySample e) {
        io.greenband.events.payload.HostFacts m = e.machine();
        if (m == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                new MachineFacts(
                        e.host(),
                        m.os(),
                        m.cpuModel(),
                        m.cpuCount() == null ? OptionalInt.empty() : OptionalInt.of(m.cpuCount()),
                        m.memTotalBytes() == null
                                ? OptionalLong.empty()
                                : OptionalLong.of(m.memTotalBytes()),
                        m.gpuModel(),
                        m.gpuCount() == null ? OptionalInt.empty() : OptionalInt.of(m.gpuCount()),
                        m.countryIsoCode(),
                        m.region(),
                        e.windowEnd()));
    }

    /**
     * The host usage a host-component sample is split by: CPU time for the CPU package, psys and
     * the CPU estimate (above the estimate's idle baseline, {@code idleJoules}); resident memory
     * while running (bytes × CPU seconds) against installed memory × CPU capacity for DRAM and the
     * RAM estimate.
     */
    static java.util.Optional<HostUsage> usage(EnergySample e) {
        HostUsage u = null;
        if (e.usage() != null && e.component() != EnergySample.Component.GPU) {
            io.greenband.events.payload.HostUsage w = e.usage();
            boolean memory =
                    e.component() == EnergySample.Component.DRAM
                            || e.component() == EnergySample.Component.RAM_EST;
            double baseline =
                    e.idleJoules() == null ? 0 : Math.min(e.idleJoules(), e.energyJoules());
            if (memory) {
                java.util.Map<Long, double[]> trees = new java.util.HashMap<>();
                for (io.greenband.events.payload.HostUsage.ProcessTree t : w.trees()) {
                    trees.merge(
                            t.pid(),
                            new double[] {t.cpuSeconds(), t.rssBytes()},
                            (x, y) -> new double[] {x[0] + y[0], Math.max(x[1], y[1])});
                }
                double seconds =
                        java.time.Duration.between(e.windowStart(), e.windowEnd()).toNanos() / 1e9;
                u =
                        HostUsage.residentWhileRunning(
                                trees,
                                w.memTotalBytes(),
                                w.cpuCount(),
                                seconds,
                                w.truncated(),
                                baseline);
            } else {
                java.util.Map<Long, Double> byPid = new java.util.HashMap<>();
                for (io.greenband.events.payload.HostUsage.ProcessTree t : w.trees()) {
                    byPid.merge(t.pid(), t.cpuSeconds(), Double::sum);
                }
                u =
                        new HostUsage(
                                ShareBasis.CPU_TIME,
                                w.hostCpuSeconds(),
                                byPid,
                                w.truncated(),
                                baseline);
            }
        }
        return java.util.Optional.ofNullable(u);
    }
}
