package io.greenband.energy.sampler;

import io.greenband.energy.source.Component;
import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.EnergySource;
import io.greenband.energy.source.SourceStatus;
import io.greenband.energy.usage.UsageTracker;
import io.greenband.energy.usage.WindowUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads every source once per {@link #tick()} and closes a window per device every {@code
 * ticksPerWindow} ticks. Windows of one device tile time without gaps or overlaps, so the sum of
 * window energies equals the counter's advance (minus dropped reset or implausible intervals).
 * Single-threaded by design: one ticker thread calls {@link #tick()}; {@code synchronized} only
 * guards the final {@link #flush()} from another thread.
 */
public final class Sampler {

    private static final System.Logger LOG = System.getLogger(Sampler.class.getName());

    /** A tick later than this many intervals is flagged {@code GAP}. */
    public static final int GAP_INTERVALS = 3;

    private final List<EnergySource> sources;
    private final SamplerClock clock;
    private final Duration tickInterval;
    private final int ticksPerWindow;
    private final Consumer<List<DeviceWindow>> sink;
    private final UsageTracker usage;

    /** The energy sample's bound on a process's ancestors. */
    private static final int MAX_ANCESTORS = 64;

    private final long anchorNanos;
    private final Instant anchorWall;
    private final Map<String, DeviceTrack> tracks = new LinkedHashMap<>();
    private final Set<String> warned = new HashSet<>();
    private long ticks;
    private volatile long lastTickNanos = Long.MIN_VALUE;

    private Sampler(Builder b) {
        this.sources = List.copyOf(b.sources);
        this.clock = b.clock;
        this.tickInterval = b.tickInterval;
        this.ticksPerWindow = b.ticksPerWindow;
        this.sink = b.sink;
        this.usage = b.usage;
        this.anchorNanos = clock.nanos();
        this.anchorWall = clock.wall();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads all sources; returns the windows closed by this tick (empty between window ends). */
    public synchronized List<DeviceWindow> tick() {
        for (EnergySource source : sources) {
            long t = clock.nanos();
            List<DeviceReading> readings;
            try {
                readings = source.read();
            } catch (RuntimeException e) {
                // Sources should not throw; if one does, the others are still sampled.
                warnOnce(
                        source.status().source() + ":" + e.getClass().getName(),
                        "energy source " + source.status().source().label() + " failed: " + e);
                continue;
            }
            for (DeviceReading r : readings) {
                tracks.computeIfAbsent(
                                r.device().id(),
                                id ->
                                        new DeviceTrack(
                                                r.device(), tickInterval.toNanos() * GAP_INTERVALS))
                        .observe(r, t);
            }
        }
        if (usage != null) {
            usage.tick();
        }
        ticks++;
        lastTickNanos = clock.nanos();
        return ticks % ticksPerWindow == 0 ? closeWindows() : List.of();
    }

    /**
     * Closes the open windows now (on shutdown), so the energy since the last window is not lost.
     */
    public synchronized List<DeviceWindow> flush() {
        return closeWindows();
    }

    private List<DeviceWindow> closeWindows() {
        List<DeviceWindow> closed = new ArrayList<>();
        Optional<WindowUsage> used = usage == null ? Optional.empty() : usage.closeWindow();
        for (Iterator<DeviceTrack> it = tracks.values().iterator(); it.hasNext(); ) {
            DeviceTrack track = it.next();
            DeviceWindow w = track.close(this::toUtc);
            if (w != null) {
                // Host components are split by the processes' use; a GPU by its own process list.
                closed.add(
                        w.device().component() == Component.GPU
                                ? withAncestors(w)
                                : w.withUsage(used));
            }
            if (track.lost()) {
                it.remove();
            }
        }
        if (!closed.isEmpty()) {
            sink.accept(List.copyOf(closed));
        }
        return List.copyOf(closed);
    }

    /**
     * A GPU window whose processes carry their ancestors, so the aggregator finds the trial that
     * started each.
     */
    private DeviceWindow withAncestors(DeviceWindow w) {
        if (usage == null || w.processes().isEmpty()) {
            return w;
        }
        List<io.greenband.energy.source.ProcessUse> traced = new ArrayList<>(w.processes().size());
        for (io.greenband.energy.source.ProcessUse p : w.processes()) {
            traced.add(p.withAncestors(usage.ancestorsOf(p.pid(), MAX_ANCESTORS)));
        }
        return w.withProcesses(traced);
    }

    private Instant toUtc(long nanos) {
        return anchorWall.plusNanos(nanos - anchorNanos);
    }

    private void warnOnce(String key, String message) {
        if (warned.add(key)) {
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }

    /** The status of every source, in sampling order. */
    public List<SourceStatus> sourceStatuses() {
        return sources.stream().map(EnergySource::status).toList();
    }

    /** Monotonic time of the last completed tick, or {@link Long#MIN_VALUE} before the first. */
    public long lastTickNanos() {
        return lastTickNanos;
    }

    /** The interval between ticks. */
    public Duration tickInterval() {
        return tickInterval;
    }

    /** The window length, a whole number of ticks. */
    public Duration window() {
        return tickInterval.multipliedBy(ticksPerWindow);
    }

    /** The clock the sampler reads. */
    public SamplerClock clock() {
        return clock;
    }

    /** Closes every source. */
    public void closeSources() {
        for (EnergySource s : sources) {
            s.close();
        }
    }

    /** Builds a {@link Sampler}: {@code set*} required, {@code opt*} optional. */
    public static final class Builder {
        private List<EnergySource> sources;
        private SamplerClock clock = SamplerClock.system();
        private Duration tickInterval = Duration.ofSeconds(1);
        private int ticksPerWindow = 1;
        private Consumer<List<DeviceWindow>> sink = windows -> {};
        private UsageTracker usage;

        private Builder() {}

        /** The sources, sampled in this order (required; may be empty). */
        public Builder setSources(List<? extends EnergySource> value) {
            this.sources = List.copyOf(value);
            return this;
        }

        /** The clock (default: the JVM's). */
        public Builder optClock(SamplerClock value) {
            this.clock = value;
            return this;
        }

        /** The tick interval (default 1 s); used for gap detection. */
        public Builder optTickInterval(Duration value) {
            this.tickInterval = value;
            return this;
        }

        /** How many ticks make a window (default 1). */
        public Builder optTicksPerWindow(int value) {
            this.ticksPerWindow = value;
            return this;
        }

        /** Receives every non-empty batch of closed windows (default: none). */
        public Builder optSink(Consumer<List<DeviceWindow>> value) {
            this.sink = value;
            return this;
        }

        /**
         * Tracks the host's process usage, attached to every host-component window (default: none).
         */
        public Builder optUsage(UsageTracker value) {
            this.usage = value;
            return this;
        }

        /** Checks the settings and builds. */
        public Sampler build() {
            if (sources == null) {
                throw new IllegalStateException(
                        "sources not set: call setSources (an empty list is allowed)");
            }
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(sink, "sink");
            if (tickInterval == null || tickInterval.isNegative() || tickInterval.isZero()) {
                throw new IllegalStateException(
                        "tickInterval must be positive, was " + tickInterval);
            }
            if (ticksPerWindow < 1) {
                throw new IllegalStateException(
                        "ticksPerWindow must be >= 1, was " + ticksPerWindow);
            }
            return new Sampler(this);
        }
    }
}
