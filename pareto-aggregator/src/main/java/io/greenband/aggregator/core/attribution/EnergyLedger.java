package io.greenband.aggregator.core.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Joins trial windows with energy samples and attributes energy to trials.
 *
 * <p>Samples and windows may arrive in any order: a trial's energy is computed from what is stored
 * when asked, so arrival order does not matter, and a sample id seen twice counts once. A trial
 * becomes final once the caller's "now" passes its end plus the grace period ({@link
 * #finalizeDue}); its energy is then frozen, and samples arriving later are reported and counted as
 * late in the {@link #totals()}. A frozen value reflects the trial windows known at finalization (a
 * sharer's window arriving later does not change it). One owner; not thread-safe.
 */
public final class EnergyLedger {

    /** State of one trial attempt. */
    private static final class TrialState {
        TrialWindow window;
        TrialEnergy frozen;
        long finalizedAtArrival;
    }

    private final AttributionSettings settings;
    private final Set<String> sampleIds = new HashSet<>();
    private final Map<StreamKey, SampleStream> streams = new HashMap<>();
    private final Map<String, TreeSet<StreamKey>> hostScopedStreams = new HashMap<>();
    private final Map<String, HostTrials> hosts = new HashMap<>();
    private final Map<TrialKey, TrialState> trials = new HashMap<>();
    private final TreeMap<Instant, Set<TrialKey>> pendingByEnd = new TreeMap<>();
    private final Map<StreamKey, double[]> prunedTotals = new HashMap<>();
    private Instant prunedBefore = Instant.MIN;
    private long arrivals;

    /** A ledger with the given settings. */
    public EnergyLedger(AttributionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
    }

    /** Records a sample. */
    public SampleOutcome addSample(EnergySample sample) {
        if (sample.windowStart().isBefore(prunedBefore)) {
            return new SampleOutcome(SampleOutcome.Status.EXPIRED, Set.of());
        }
        if (!sampleIds.add(sample.sampleId())) {
            return new SampleOutcome(SampleOutcome.Status.DUPLICATE, Set.of());
        }
        StreamKey key = sample.stream();
        SampleStream stream = streams.computeIfAbsent(key, k -> new SampleStream());
        if (stream.overlapsStored(sample)) {
            sampleIds.remove(sample.sampleId());
            return new SampleOutcome(SampleOutcome.Status.OVERLAPPING_WINDOW, Set.of());
        }
        stream.add(new SampleStream.Stored(sample, ++arrivals));
        if (!key.component().deviceScoped()) {
            hostScopedStreams
                    .computeIfAbsent(
                            key.host(),
                            h -> new TreeSet<>(Comparator.comparing(StreamKey::toString)))
                    .add(key);
        }
        // Most samples miss no finalized trial: no set is made for them (this runs for every
        // sample).
        Set<TrialKey> missed = null;
        for (TrialWindow w :
                host(sample.host()).overlapping(sample.windowStart(), sample.windowEnd())) {
            boolean concerned = !sample.component().deviceScoped() || w.holds(sample.device());
            if (concerned && trials.get(w.key()).frozen != null) {
                if (missed == null) {
                    missed = new HashSet<>();
                }
                missed.add(w.key());
            }
        }
        return new SampleOutcome(SampleOutcome.Status.ACCEPTED, missed == null ? Set.of() : missed);
    }

    /**
     * Records or updates a trial window (a start, then the same trial with its end). Returns false
     * when the trial is already final (its window can no longer change) or starts before the prune
     * horizon.
     */
    public boolean putTrial(TrialWindow window) {
        if (window.start().isBefore(prunedBefore)) {
            return false;
        }
        TrialState state = trials.computeIfAbsent(window.key(), k -> new TrialState());
        if (state.frozen != null) {
            return false;
        }
        if (state.window != null) {
            host(state.window.host()).remove(window.key());
            state.window.end().ifPresent(e -> removePending(e, window.key()));
        }
        state.window = window;
        host(window.host()).put(window);
        window.end()
                .ifPresent(
                        e ->
                                pendingByEnd
                                        .computeIfAbsent(e, x -> new HashSet<>())
                                        .add(window.key()));
        return true;
    }

    /** The trial's window, if known. */
    public Optional<TrialWindow> window(TrialKey key) {
        TrialState state = trials.get(key);
        return state == null ? Optional.empty() : Optional.ofNullable(state.window);
    }

    /**
     * Finalizes every ended trial whose end plus the grace period is not after {@code now}, in
     * order of end time, and returns their energy.
     */
    public List<TrialEnergy> finalizeDue(Instant now) {
        Instant cutoff = now.minus(settings.gracePeriod());
        List<TrialEnergy> done = new ArrayList<>();
        Iterator<Map.Entry<Instant, Set<TrialKey>>> it =
                pendingByEnd.headMap(cutoff, true).entrySet().iterator();
        while (it.hasNext()) {
            List<TrialKey> keys = new ArrayList<>(it.next().getValue());
            keys.sort(Comparator.comparing(TrialKey::toString));
            it.remove();
            for (TrialKey key : keys) {
                TrialState state = trials.get(key);
                TrialWindow w = state.window;
                TrialEnergy energy = compute(w, w.start(), w.end().orElseThrow(), true);
                state.frozen = energy;
                state.finalizedAtArrival = arrivals;
                done.add(energy);
            }
        }
        return done;
    }

    /**
     * The trial's energy: frozen if final, otherwise computed from what is stored now (a running
     * trial up to the latest measured instant of its devices).
     */
    public TrialEnergy energyOf(TrialKey key) {
        TrialState state = requireTrial(key);
        if (state.frozen != null) {
            return state.frozen;
        }
        TrialWindow w = state.window;
        Instant to = w.end().orElseGet(() -> latestMeasured(w));
        return compute(w, w.start(), to, false);
    }

    /**
     * The trial's energy over a part of its window (for example its inference phase), from what is
     * stored now. The range is clipped to the trial's window.
     */
    public TrialEnergy energyOver(TrialKey key, Instant from, Instant to) {
        TrialWindow w = requireTrial(key).window;
        Instant a = SampleStream.max(from, w.start());
        Instant b = w.end().map(e -> SampleStream.min(e, to)).orElse(to);
        if (b.isBefore(a)) {
            throw new IllegalArgumentException(
                    "range " + from + " .. " + to + " does not overlap the window of trial " + key);
        }
        return compute(w, a, b, false);
    }

    /** Where all stored energy went (recomputed from what is stored now). */
    public EnergyTotals totals() {
        List<EnergyTotals.StreamTotals> out = new ArrayList<>();
        Set<StreamKey> all = new TreeSet<>(Comparator.comparing(StreamKey::toString));
        all.addAll(streams.keySet());
        all.addAll(prunedTotals.keySet());
        for (StreamKey key : all) {
            double[] sums = prunedTotals.getOrDefault(key, new double[5]).clone();
            SampleStream stream = streams.get(key);
            if (stream != null) {
                for (SampleStream.Stored stored : stream.all()) {
                    accumulate(stored, sums);
                }
            }
            out.add(
                    new EnergyTotals.StreamTotals(
                            key, sums[0], sums[1], sums[2], sums[3], sums[4]));
        }
        return new EnergyTotals(out);
    }

    /** Adds a stored sample's measured, attributed, idle, late and other joules to {@code sums}. */
    private void accumulate(SampleStream.Stored stored, double[] sums) {
        EnergySample s = stored.sample();
        sums[0] += s.joules();
        Splitter.Allocation alloc =
                Splitter.split(
                        s,
                        host(s.host()).overlapping(s.windowStart(), s.windowEnd()),
                        s.windowStart(),
                        s.windowEnd());
        sums[2] += alloc.idle();
        sums[4] += alloc.other();
        for (Map.Entry<TrialKey, Double> e : alloc.trials().entrySet()) {
            TrialState state = trials.get(e.getKey());
            if (state.frozen != null && stored.arrival() > state.finalizedAtArrival) {
                sums[3] += e.getValue();
            } else {
                sums[1] += e.getValue();
            }
        }
    }

    /**
     * Forgets what lies before {@code horizon} to bound memory: samples ending by then are folded
     * into the totals and dropped, and final trials ending by then are dropped (their energy was
     * handed out by {@link #finalizeDue}). The horizon is lowered to the start of the earliest
     * trial that is not final, so no pending result loses data. Afterwards samples and trials
     * starting before the horizon are refused ({@link SampleOutcome.Status#EXPIRED}, {@code
     * putTrial} false), which keeps redelivered old samples from counting twice. Returns the
     * horizon used.
     */
    public Instant prune(Instant horizon) {
        Instant h = horizon;
        for (TrialState state : trials.values()) {
            if (state.frozen == null && state.window != null && state.window.start().isBefore(h)) {
                h = state.window.start();
            }
        }
        if (!h.isAfter(prunedBefore)) {
            return prunedBefore;
        }
        for (Map.Entry<StreamKey, SampleStream> e : streams.entrySet()) {
            double[] sums = prunedTotals.computeIfAbsent(e.getKey(), k -> new double[5]);
            for (SampleStream.Stored stored : e.getValue().removeEndingBy(h)) {
                accumulate(stored, sums);
                sampleIds.remove(stored.sample().sampleId());
            }
        }
        // A kept sample straddling the horizon still needs the trials it overlaps to split it the
        // same way.
        Instant trialHorizon = h;
        for (SampleStream stream : streams.values()) {
            Instant first = stream.firstStart();
            if (first != null && first.isBefore(trialHorizon)) {
                trialHorizon = first;
            }
        }
        Iterator<Map.Entry<TrialKey, TrialState>> it = trials.entrySet().iterator();
        while (it.hasNext()) {
            TrialState state = it.next().getValue();
            if (state.frozen != null && !state.window.end().orElseThrow().isAfter(trialHorizon)) {
                host(state.window.host()).remove(state.window.key());
                it.remove();
            }
        }
        prunedBefore = h;
        return h;
    }

    private TrialEnergy compute(TrialWindow w, Instant from, Instant to, boolean finalized) {
        List<DeviceEnergy> devices = new ArrayList<>();
        double span = Duration.between(from, to).toNanos() / 1e9;
        for (String device : new TreeSet<>(w.devices())) {
            if (!device.equals(TrialWindow.CPU)) {
                devices.add(
                        streamEnergy(w, new StreamKey(w.host(), device, Component.GPU), from, to));
            }
        }
        Set<StreamKey> hostScoped = hostScopedStreams.getOrDefault(w.host(), new TreeSet<>());
        for (StreamKey key : hostScoped) {
            devices.add(streamEnergy(w, key, from, to));
        }
        if (w.holds(TrialWindow.CPU) && hostScoped.isEmpty()) {
            devices.add(
                    new DeviceEnergy(TrialWindow.CPU, Component.CPU_PACKAGE, 0, 0, span, false));
        }
        double tolerance = settings.gapTolerance().toNanos() / 1e9;
        boolean partial = devices.stream().anyMatch(d -> d.gapSeconds() > tolerance);
        return new TrialEnergy(w.key(), w.host(), from, to, devices, partial, finalized);
    }

    private DeviceEnergy streamEnergy(TrialWindow w, StreamKey key, Instant from, Instant to) {
        SampleStream stream = streams.get(key);
        double span = Duration.between(from, to).toNanos() / 1e9;
        if (stream == null) {
            return new DeviceEnergy(key.device(), key.component(), 0, 0, span, false);
        }
        double joules = 0;
        double other = 0;
        boolean shared = false;
        Set<ShareBasis> basis = EnumSet.noneOf(ShareBasis.class);
        HostTrials hostTrials = host(w.host());
        for (SampleStream.Stored stored : stream.overlapping(from, to)) {
            EnergySample s = stored.sample();
            Instant a = SampleStream.max(from, s.windowStart());
            Instant b = SampleStream.min(to, s.windowEnd());
            // All trials of the whole window: a split by use needs every one the window's use
            // belongs to.
            Splitter.Allocation alloc =
                    Splitter.split(s, hostTrials.overlapping(s.windowStart(), s.windowEnd()), a, b);
            joules += alloc.trials().getOrDefault(w.key(), 0.0);
            other += alloc.other();
            shared |= alloc.shared().contains(w.key());
            basis.addAll(alloc.basis().getOrDefault(w.key(), Set.of()));
        }
        double covered = stream.coveredNanos(from, to) / 1e9;
        return new DeviceEnergy(
                key.device(),
                key.component(),
                joules,
                covered,
                Math.max(0, span - covered),
                shared,
                basis,
                other);
    }

    private Instant latestMeasured(TrialWindow w) {
        Instant latest = w.start();
        List<StreamKey> keys =
                new ArrayList<>(hostScopedStreams.getOrDefault(w.host(), new TreeSet<>()));
        for (String device : w.devices()) {
            keys.add(new StreamKey(w.host(), device, Component.GPU));
        }
        for (StreamKey key : keys) {
            SampleStream stream = streams.get(key);
            if (stream != null
                    && stream.latestEnd() != null
                    && stream.latestEnd().isAfter(latest)) {
                latest = stream.latestEnd();
            }
        }
        return latest;
    }

    private TrialState requireTrial(TrialKey key) {
        TrialState state = trials.get(key);
        if (state == null || state.window == null) {
            throw new IllegalArgumentException(
                    "trial "
                            + key
                            + " is unknown: record its window with putTrial first (trials ending before a prune are forgotten)");
        }
        return state;
    }

    private void removePending(Instant end, TrialKey key) {
        Set<TrialKey> keys = pendingByEnd.get(end);
        if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
                pendingByEnd.remove(end);
            }
        }
    }

    private HostTrials host(String host) {
        return hosts.computeIfAbsent(host, h -> new HostTrials());
    }
}
