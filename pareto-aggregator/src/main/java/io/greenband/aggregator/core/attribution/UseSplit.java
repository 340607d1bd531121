package io.greenband.aggregator.core.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a host-component sample by what the trials' process trees used in its window (Kepler's
 * rule): a trial gets {@code (E - baseline) × use / max(host use, Σ trial use)}; the baseline is
 * idle energy and what no trial used is the host's other energy, never charged to a trial. A pid
 * held by several trials in the window (trials run one after another by one trainer process) is
 * shared by their time in the window.
 */
final class UseSplit {

    private UseSplit() {}

    /**
     * The allocation of [a, b) of {@code sample}, or null when use cannot decide it: no trial in
     * the window, a trial without a usable pid (none, or only pid 1, which in the monitor's
     * namespace is the host's init: a trial reporting it runs in another pid namespace), or a trial
     * running through the whole window none of whose pids the usage lists (the monitor lists every
     * tree that used CPU, so an absent pid most likely names a process the monitor cannot see;
     * charging it nothing would hide that). A trial only starting or ending inside the window may
     * have had no process at any tick of it, and is charged nothing for it. The caller then splits
     * by time.
     */
    static Splitter.Allocation split(
            EnergySample sample,
            HostUsage usage,
            List<TrialWindow> candidates,
            Instant a,
            Instant b) {
        Instant ws = sample.windowStart();
        Instant we = sample.windowEnd();
        Map<TrialWindow, Long> overlap = new LinkedHashMap<>();
        Map<Long, Long> pidOverlap = new HashMap<>();
        for (TrialWindow w : candidates) {
            long o = overlapNanos(w, ws, we);
            if (o <= 0) {
                continue;
            }
            if (w.pids().stream().noneMatch(pid -> pid > 1)) {
                return null;
            }
            overlap.put(w, o);
            for (long pid : w.pids()) {
                pidOverlap.merge(pid, o, Long::sum);
            }
        }
        if (overlap.isEmpty()) {
            return null;
        }
        Map<TrialWindow, Double> amount = new LinkedHashMap<>();
        double sum = 0;
        for (Map.Entry<TrialWindow, Long> e : overlap.entrySet()) {
            double amt = 0;
            boolean listed = false;
            for (long pid : e.getKey().pids()) {
                Double use = usage.byPid().get(pid);
                if (use == null || pid <= 1) {
                    continue;
                }
                listed = true;
                amt += use * e.getValue() / pidOverlap.get(pid);
            }
            if (!listed && e.getValue() >= sample.windowNanos()) {
                return null;
            }
            amount.put(e.getKey(), amt);
            sum += amt;
        }
        // Never more than the whole: the host total bounds the trials' shares even if counters
        // disagree.
        double denominator = Math.max(usage.hostAmount(), sum);
        double baseline = Math.min(sample.joules(), usage.baselineJoules());
        double active = sample.joules() - baseline;
        double rangeFraction = (double) Duration.between(a, b).toNanos() / sample.windowNanos();
        Map<TrialKey, Double> trials = new HashMap<>();
        Map<TrialKey, Set<ShareBasis>> basis = new HashMap<>();
        Set<TrialKey> shared = new HashSet<>();
        double attributedWhole = 0;
        for (Map.Entry<TrialWindow, Double> e : amount.entrySet()) {
            TrialWindow w = e.getKey();
            double whole = denominator > 0 ? active * e.getValue() / denominator : 0;
            attributedWhole += whole;
            long inRange = overlapNanos(w, a, b);
            if (inRange > 0) {
                trials.merge(w.key(), whole * inRange / overlap.get(w), Double::sum);
                Splitter.addBasis(basis, w.key(), usage.basis());
                if (overlap.size() > 1) {
                    shared.add(w.key());
                }
            }
        }
        double other = Math.max(0, active - attributedWhole) * rangeFraction;
        return new Splitter.Allocation(trials, baseline * rangeFraction, shared, other, basis);
    }

    private static long overlapNanos(TrialWindow w, Instant from, Instant to) {
        Instant s = SampleStream.max(w.start(), from);
        Instant e = w.end().map(x -> SampleStream.min(x, to)).orElse(to);
        return s.isBefore(e) ? Duration.between(s, e).toNanos() : 0;
    }
}
