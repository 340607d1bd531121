package io.greenband.energy.config;

import io.greenband.energy.estimate.CpuPowerModel;
import io.greenband.energy.estimate.RamPowerModel;
import io.greenband.energy.node.MachineFacts;
import io.greenband.energy.node.NodeIdentity;
import io.greenband.energy.node.NodeSources;
import io.greenband.energy.rapl.RaplDomain;
import io.greenband.energy.usage.ProcessTable;
import io.greenband.energy.usage.UsageTracker;
import io.greenband.events.payload.HostFacts;
import io.greenband.events.payload.HostUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns {@link EnergyConfig} into plain core values; checks what the types cannot. */
public final class EnergyWiring {

    private EnergyWiring() {}

    /** The sources to open. */
    public static NodeSources.Settings sources(EnergyConfig c) {
        String cpu = c.estimate().cpu().strip().toLowerCase(Locale.ROOT);
        Optional<CpuPowerModel> model =
                cpu.equals("off") ? Optional.empty() : Optional.of(CpuPowerModel.parse(cpu));
        String ram = c.estimate().ram().strip().toLowerCase(Locale.ROOT);
        Optional<RamPowerModel> ramModel =
                ram.equals("off") ? Optional.empty() : Optional.of(RamPowerModel.parse(ram));
        if (ramModel.equals(Optional.of(RamPowerModel.FIXED))
                && c.estimate().ramWatts().filter(w -> w > 0).isEmpty()) {
            throw new IllegalArgumentException(
                    "greenband.energy.estimate.ram=fixed needs a positive "
                            + "greenband.energy.estimate.ram-watts");
        }
        c.estimate()
                .cpuTdpWatts()
                .ifPresent(
                        w -> {
                            if (!(w > 0)) {
                                throw new IllegalArgumentException(
                                        "greenband.energy.estimate.cpu-tdp-watts must be positive, was "
                                                + w);
                            }
                        });
        if (c.nvml().powerPollInterval().isNegative()) {
            throw new IllegalArgumentException(
                    "greenband.energy.nvml.power-poll-interval must not be negative, was "
                            + c.nvml().powerPollInterval());
        }
        return new NodeSources.Settings(
                c.nvml().enabled(),
                c.nvml().library(),
                c.nvml().powerPollInterval(),
                c.rapl().enabled(),
                Path.of(c.rapl().root()),
                RaplDomain.parseSelection(c.rapl().domains()),
                model,
                c.estimate().cpuTdpWatts(),
                Path.of(c.estimate().procStat()),
                Path.of(c.estimate().cpuinfo()),
                ramModel,
                c.estimate().ramWatts(),
                Path.of(c.estimate().meminfo()));
    }

    /** How many ticks make one window. */
    public static int ticksPerWindow(EnergyConfig c) {
        return ticksPerWindow(c.interval(), c.window());
    }

    /**
     * How many ticks of {@code tick} make {@code window} (default one); refuses a window that is no
     * multiple.
     */
    static int ticksPerWindow(Duration tick, Optional<Duration> configuredWindow) {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException(
                    "greenband.energy.interval must be positive, was " + tick);
        }
        Duration window = configuredWindow.orElse(tick);
        long ratio = window.toNanos() / tick.toNanos();
        if (ratio < 1 || window.toNanos() % tick.toNanos() != 0) {
            throw new IllegalArgumentException(
                    "greenband.energy.window ("
                            + window
                            + ") must be a whole multiple of greenband.energy.interval ("
                            + tick
                            + ")");
        }
        return Math.toIntExact(ratio);
    }

    /** The node's names. */
    public static NodeIdentity identity(EnergyConfig c, Map<String, String> env) {
        return NodeIdentity.resolve(c.host(), c.nodeId(), env, NodeIdentity::machineHostname);
    }

    /** The process usage tracker, when enabled. */
    public static Optional<UsageTracker> usage(EnergyConfig c) {
        if (!c.usage().enabled()) {
            return Optional.empty();
        }
        int max = c.usage().maxTrees();
        if (max < 1 || max > HostUsage.MAX_TREES) {
            throw new IllegalArgumentException(
                    "greenband.energy.usage.max-trees must be 1.."
                            + HostUsage.MAX_TREES
                            + ", was "
                            + max);
        }
        return Optional.of(new UsageTracker(new ProcessTable(Path.of(c.usage().procRoot())), max));
    }

    /** The machine's facts, when enabled; refuses a country or region samples could not carry. */
    public static Optional<MachineFacts> machine(EnergyConfig c) {
        if (!c.machine().enabled()) {
            return Optional.empty();
        }
        return Optional.of(
                machine(
                        c.machine().country(),
                        c.machine().region(),
                        Path.of(c.estimate().cpuinfo()),
                        Path.of(c.estimate().meminfo()),
                        Path.of(c.machine().osRelease())));
    }

    /**
     * The facts read from these files with this location, after checking the configured country and
     * region.
     */
    static MachineFacts machine(
            Optional<String> configuredCountry,
            Optional<String> configuredRegion,
            Path cpuinfo,
            Path meminfo,
            Path osRelease) {
        Optional<String> country = configuredCountry.map(String::strip).filter(s -> !s.isEmpty());
        country.ifPresent(
                code -> {
                    if (!code.matches("[A-Za-z]{2,3}")) {
                        throw new IllegalArgumentException(
                                "greenband.energy.machine.country must be an ISO 3166-1 alpha-2 "
                                        + "or alpha-3 code, was '"
                                        + code
                                        + "'");
                    }
                });
        Optional<String> region = configuredRegion.map(String::strip).filter(s -> !s.isEmpty());
        region.ifPresent(
                r -> {
                    if (r.length() > HostFacts.MAX_REGION
                            || r.chars().anyMatch(Character::isISOControl)) {
                        throw new IllegalArgumentException(
                                "greenband.energy.machine.region must be at most "
                                        + HostFacts.MAX_REGION
                                        + " characters without control characters");
                    }
                });
        return MachineFacts.read(
                cpuinfo, meminfo, osRelease, country.map(s -> s.toUpperCase(Locale.ROOT)), region);
    }
}
