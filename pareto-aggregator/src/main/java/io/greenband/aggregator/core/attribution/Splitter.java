package io.greenband.aggregator.core.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits one sample among trials. A host-component sample that reports what the trials' process
 * trees used ({@link HostUsage}) is split by that use ({@link UseSplit}): each trial gets its
 * CPU-time or memory share of the window's energy above the baseline, the baseline is idle and the
 * rest is the host's other energy. Otherwise the window is cut at every trial start and end inside
 * it; each piece gets energy in proportion to its length (constant power). A piece nobody holds is
 * idle; a piece one trial holds is that trial's; a piece several trials share is split by the
 * utilization of their processes when the sample knows it for every one of them, evenly otherwise.
 * On a GPU that utilization is the SM use of the processes each trial owns (its pid or a
 * descendant); SM use of processes no trial owns makes the GPU shared too, and its part is the
 * host's other energy.
 */
final class Splitter {

    /**
     * What a sample (clipped to a time range) gave to whom.
     *
     * @param trials joules per trial
     * @param idle joules while no trial held the device
     * @param shared trials that shared at least one piece with another trial
     * @param other joules used by no trial while trials ran (split by use only)
     * @param basis how each trial's share was computed
     */
    record Allocation(
            Map<TrialKey, Double> trials,
            double idle,
            Set<TrialKey> shared,
            double other,
            Map<TrialKey, Set<ShareBasis>> basis) {}

    private Splitter() {}

    /**
     * Splits {@code sample} restricted to [from, to) among {@code candidates}: the trials on its
     * host, at least every one overlapping the sample's whole window (use is reported per window,
     * so its split needs them all).
     */
    static Allocation split(
            EnergySample sample, List<TrialWindow> candidates, Instant from, Instant to) {
        Instant a = SampleStream.max(sample.windowStart(), from);
        Instant b = SampleStream.min(sample.windowEnd(), to);
        Map<TrialKey, Double> trials = new HashMap<>();
        Set<TrialKey> shared = new HashSet<>();
        Map<TrialKey, Set<ShareBasis>> basis = new HashMap<>();
        if (!a.isBefore(b)) {
            return new Allocation(trials, 0, shared, 0, basis);
        }
        if (sample.usage().isPresent() && !sample.component().deviceScoped()) {
            Allocation byUse = UseSplit.split(sample, sample.usage().get(), candidates, a, b);
            if (byUse != null) {
                return byUse;
            }
        }
        List<TrialWindow> holders = new ArrayList<>();
        TreeSet<Instant> cuts = new TreeSet<>(List.of(a, b));
        for (TrialWindow w : candidates) {
            if ((sample.component().deviceScoped() && !w.holds(sample.device()))
                    || !w.overlaps(a, b)) {
                continue;
            }
            holders.add(w);
            if (w.start().isAfter(a) && w.start().isBefore(b)) {
                cuts.add(w.start());
            }
            w.end().filter(e -> e.isAfter(a) && e.isBefore(b)).ifPresent(cuts::add);
        }
        // Ownership over the whole window: a process of a trial outside [a, b) is that trial's, not
        // foreign.
        List<TrialWindow> owners = new ArrayList<>();
        for (TrialWindow w : candidates) {
            if ((!sample.component().deviceScoped() || w.holds(sample.device()))
                    && w.overlaps(sample.windowStart(), sample.windowEnd())) {
                owners.add(w);
            }
        }
        SmUse utilization = utilizationByTrial(sample, owners);
        double joulesPerNano = sample.joules() / sample.windowNanos();
        double idle = 0;
        double other = 0;
        Instant segmentStart = null;
        for (Instant cut : cuts) {
            if (segmentStart != null) {
                double joules = joulesPerNano * Duration.between(segmentStart, cut).toNanos();
                List<TrialWindow> active = new ArrayList<>();
                for (TrialWindow w : holders) {
                    if (w.overlaps(segmentStart, cut)) {
                        active.add(w);
                    }
                }
                if (active.isEmpty()) {
                    idle += joules;
                } else {
                    other +=
                            distribute(
                                    joules,
                                    active,
                                    utilization,
                                    trials,
                                    shared,
                                    basis,
                                    sample.component().deviceScoped());
                }
            }
            segmentStart = cut;
        }
        return new Allocation(trials, idle, shared, other, basis);
    }

    /**
     * Gives one piece's joules to the trials active in it; returns the joules left to the host's
     * other processes (a shared GPU's SM use by no trial).
     */
    private static double distribute(
            double joules,
            List<TrialWindow> active,
            SmUse sm,
            Map<TrialKey, Double> trials,
            Set<TrialKey> shared,
            Map<TrialKey, Set<ShareBasis>> basis,
            boolean device) {
        double total = sm.foreign();
        boolean allKnown = true;
        for (TrialWindow w : active) {
            Double u = sm.byTrial().get(w.key());
            if (u == null) {
                allKnown = false;
                break;
            }
            total += u;
        }
        // By SM use when every sharer's is known and someone used the SM; a lone trial only when
        // others used it too.
        boolean byUtilization = allKnown && total > 0 && (active.size() > 1 || sm.foreign() > 0);
        if (active.size() == 1 && !byUtilization) {
            trials.merge(active.get(0).key(), joules, Double::sum);
            // A host component with one trial running is still split by time alone: everything the
            // host did is its.
            addBasis(
                    basis,
                    active.get(0).key(),
                    device ? ShareBasis.EXCLUSIVE_DEVICE : ShareBasis.EQUAL);
            return 0;
        }
        double given = 0;
        for (TrialWindow w : active) {
            double share = byUtilization ? sm.byTrial().get(w.key()) / total : 1.0 / active.size();
            trials.merge(w.key(), joules * share, Double::sum);
            given += joules * share;
            if (active.size() > 1) {
                shared.add(w.key());
            }
            addBasis(basis, w.key(), byUtilization ? ShareBasis.SM_UTIL : ShareBasis.EQUAL);
        }
        return Math.max(0, joules - given);
    }

    static void addBasis(Map<TrialKey, Set<ShareBasis>> basis, TrialKey key, ShareBasis b) {
        basis.computeIfAbsent(key, k -> EnumSet.noneOf(ShareBasis.class)).add(b);
    }

    /**
     * Per-process SM use of a sample's window.
     *
     * @param byTrial summed utilization of the processes each trial owns (its pid or an ancestor of
     *     theirs); trials owning no process with known utilization are absent
     * @param foreign summed utilization of the processes no trial owns
     */
    record SmUse(Map<TrialKey, Double> byTrial, double foreign) {}

    private static SmUse utilizationByTrial(EnergySample sample, List<TrialWindow> holders) {
        Map<TrialKey, Double> out = new HashMap<>();
        if (sample.processes().isEmpty() || holders.isEmpty()) {
            return new SmUse(out, 0);
        }
        double foreign = 0;
        for (ProcessSeen p : sample.processes()) {
            if (p.utilizationPercent().isEmpty()) {
                continue;
            }
            boolean owned = false;
            for (TrialWindow w : holders) {
                if (p.ownedByAny(w.pids())) {
                    owned = true;
                    out.merge(w.key(), p.utilizationPercent().getAsDouble(), Double::sum);
                }
            }
            if (!owned) {
                foreign += p.utilizationPercent().getAsDouble();
            }
        }
        return new SmUse(out, sample.component().deviceScoped() ? foreign : 0);
    }
}
