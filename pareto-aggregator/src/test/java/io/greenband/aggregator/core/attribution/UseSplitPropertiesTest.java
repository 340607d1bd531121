package io.greenband.aggregator.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Properties of the split of host components by the trials' own CPU time and memory. */
class UseSplitPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final double WINDOW = 10;
    private static final int WINDOWS = 30;

    /**
     * One generated scenario: trials with pids, and per window the use of each pid and of the host.
     */
    private record Scenario(
            List<TrialWindow> trials,
            List<EnergySample> samples,
            Map<String, Map<Long, Double>> use,
            Map<String, Double> host) {}

    private static Instant at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9));
    }

    private static Scenario scenario(SplittableRandom random, int trialCount, boolean truncated) {
        List<TrialWindow> trials = new ArrayList<>();
        double horizon = WINDOW * WINDOWS;
        for (int i = 0; i < trialCount; i++) {
            double start = random.nextDouble() * (horizon - 60);
            double end = start + 20 + random.nextDouble() * (horizon - start - 20);
            trials.add(
                    TrialWindow.finished(
                            new TrialKey("t" + i, 1),
                            "h",
                            Set.of(TrialWindow.CPU),
                            Set.of(100L + i),
                            at(start),
                            at(end)));
        }
        List<EnergySample> samples = new ArrayList<>();
        Map<String, Map<Long, Double>> use = new HashMap<>();
        Map<String, Double> host = new HashMap<>();
        for (int k = 0; k < WINDOWS; k++) {
            String id = "h/cpu/package-0/" + k;
            Map<Long, Double> byPid = new HashMap<>();
            double sum = 0;
            for (TrialWindow t : trials) {
                if (t.overlaps(at(k * WINDOW), at((k + 1) * WINDOW))) {
                    double cpu = random.nextDouble() * WINDOW;
                    byPid.put(t.pids().iterator().next(), cpu);
                    sum += cpu;
                }
            }
            // The host's busy time: the trials' plus foreign work, sometimes (counters read apart)
            // a bit less.
            double hostCpu =
                    Math.max(
                            0,
                            sum * (0.95 + random.nextDouble() * 0.1)
                                    + random.nextDouble() * 2 * WINDOW);
            double joules = 50 + random.nextDouble() * 500;
            double baseline = random.nextDouble() < 0.5 ? 0 : random.nextDouble() * joules * 1.2;
            use.put(id, byPid);
            host.put(id, hostCpu);
            samples.add(
                    new EnergySample(
                            id,
                            "h",
                            "package-0",
                            Component.CPU_PACKAGE,
                            at(k * WINDOW),
                            at((k + 1) * WINDOW),
                            joules,
                            OptionalDouble.empty(),
                            List.of(),
                            Optional.of(
                                    new HostUsage(
                                            ShareBasis.CPU_TIME,
                                            hostCpu,
                                            byPid,
                                            truncated,
                                            baseline))));
        }
        return new Scenario(trials, samples, use, host);
    }

    private static EnergyLedger ledger(Scenario s) {
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        s.trials().forEach(ledger::putTrial);
        s.samples().forEach(ledger::addSample);
        return ledger;
    }

    @RepeatedTest(20)
    void measuredIsAttributedPlusOtherPlusIdle(RepetitionInfo info) {
        Scenario s =
                scenario(
                        new SplittableRandom(7000 + info.getCurrentRepetition()),
                        1 + info.getCurrentRepetition() % 5,
                        false);
        EnergyLedger ledger = ledger(s);
        EnergyTotals totals = ledger.totals();
        double measured = s.samples().stream().mapToDouble(EnergySample::joules).sum();
        assertThat(totals.measured()).isCloseTo(measured, within(1e-6));
        assertThat(totals.attributed() + totals.other() + totals.idle() + totals.late())
                .isCloseTo(measured, within(1e-6));
        double trials = 0;
        for (TrialWindow w : s.trials()) {
            TrialEnergy e = ledger.energyOf(w.key());
            assertThat(e.devices()).allMatch(d -> d.joules() >= 0 && d.otherJoules() >= 0);
            assertThat(e.devices().get(0).basis()).containsOnly(ShareBasis.CPU_TIME);
            trials += e.totalJoules();
        }
        assertThat(trials).isCloseTo(totals.attributed(), within(1e-6));
    }

    @RepeatedTest(20)
    void noTrialIsChargedMoreThanItsCpuTimeShare(RepetitionInfo info) {
        Scenario s =
                scenario(
                        new SplittableRandom(9000 + info.getCurrentRepetition()),
                        2 + info.getCurrentRepetition() % 4,
                        false);
        EnergyLedger ledger = ledger(s);
        for (TrialWindow w : s.trials()) {
            long pid = w.pids().iterator().next();
            double bound = 0;
            for (EnergySample e : s.samples()) {
                double cpu = s.use().get(e.sampleId()).getOrDefault(pid, 0.0);
                double hostCpu = s.host().get(e.sampleId());
                bound += hostCpu > 0 ? e.joules() * Math.min(1, cpu / hostCpu) : 0;
            }
            assertThat(ledger.energyOf(w.key()).totalJoules()).isLessThanOrEqualTo(bound + 1e-6);
        }
    }

    @RepeatedTest(10)
    void twoIdenticalTrialsInParallelAreChargedAlike(RepetitionInfo info) {
        SplittableRandom random = new SplittableRandom(11000 + info.getCurrentRepetition());
        // Same work, started up to a second apart (not on window edges), beside a varying foreign
        // load.
        double startA = 3 + random.nextDouble();
        double startB = 3 + random.nextDouble();
        double length = 200;
        List<TrialWindow> trials =
                List.of(
                        TrialWindow.finished(
                                new TrialKey("a", 1),
                                "h",
                                Set.of(TrialWindow.CPU),
                                Set.of(11L),
                                at(startA),
                                at(startA + length)),
                        TrialWindow.finished(
                                new TrialKey("b", 1),
                                "h",
                                Set.of(TrialWindow.CPU),
                                Set.of(12L),
                                at(startB),
                                at(startB + length)));
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        trials.forEach(ledger::putTrial);
        for (int k = 0; k < WINDOWS; k++) {
            double from = k * WINDOW;
            double to = from + WINDOW;
            Map<Long, Double> byPid = new HashMap<>();
            byPid.put(
                    11L,
                    overlap(startA, startA + length, from, to)
                            * (0.98 + random.nextDouble() * 0.04));
            byPid.put(
                    12L,
                    overlap(startB, startB + length, from, to)
                            * (0.98 + random.nextDouble() * 0.04));
            double foreign = random.nextDouble() * 2 * WINDOW;
            double hostCpu =
                    byPid.values().stream().mapToDouble(Double::doubleValue).sum() + foreign;
            double joules = 20 + 6 * hostCpu;
            ledger.addSample(
                    new EnergySample(
                            "h/cpu/" + k,
                            "h",
                            "package-0",
                            Component.CPU_PACKAGE,
                            at(from),
                            at(to),
                            joules,
                            OptionalDouble.empty(),
                            List.of(),
                            Optional.of(
                                    new HostUsage(
                                            ShareBasis.CPU_TIME, hostCpu, byPid, false, 20))));
        }
        double a = ledger.energyOf(new TrialKey("a", 1)).totalJoules();
        double b = ledger.energyOf(new TrialKey("b", 1)).totalJoules();
        assertThat(a).isPositive();
        assertThat(Math.abs(a - b) / Math.max(a, b)).isLessThanOrEqualTo(0.10);
    }

    @Test
    void aTrialMissingFromTheListFallsBackToTheTimeSplit() {
        Scenario s = scenario(new SplittableRandom(5), 2, true);
        List<EnergySample> stripped = new ArrayList<>();
        for (EnergySample e : s.samples()) {
            HostUsage u = e.usage().orElseThrow();
            stripped.add(
                    new EnergySample(
                            e.sampleId(),
                            e.host(),
                            e.device(),
                            e.component(),
                            e.windowStart(),
                            e.windowEnd(),
                            e.joules(),
                            OptionalDouble.empty(),
                            List.of(),
                            Optional.of(
                                    new HostUsage(
                                            u.basis(),
                                            u.hostAmount(),
                                            Map.of(),
                                            true,
                                            u.baselineJoules()))));
        }
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        s.trials().forEach(ledger::putTrial);
        stripped.forEach(ledger::addSample);
        for (TrialWindow w : s.trials()) {
            TrialEnergy e = ledger.energyOf(w.key());
            // Windows it ran through are shared by time; a window it only started or ended in
            // charges it nothing.
            assertThat(e.devices().get(0).basis()).contains(ShareBasis.EQUAL);
            assertThat(e.totalJoules()).isPositive();
        }
        EnergyTotals totals = ledger.totals();
        assertThat(totals.attributed() + totals.other() + totals.idle())
                .isCloseTo(totals.measured(), within(1e-6));
    }

    @Test
    void aTrialStartingInsideAWindowBeforeAnyTickSawItIsChargedNothingThere() {
        TrialWindow w =
                TrialWindow.finished(
                        new TrialKey("late", 1),
                        "h",
                        Set.of(TrialWindow.CPU),
                        Set.of(42L),
                        at(WINDOW - 0.2),
                        at(3 * WINDOW));
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        ledger.putTrial(w);
        ledger.addSample(
                new EnergySample(
                        "h/cpu/0",
                        "h",
                        "package-0",
                        Component.CPU_PACKAGE,
                        at(0),
                        at(WINDOW),
                        300,
                        OptionalDouble.empty(),
                        List.of(),
                        Optional.of(
                                new HostUsage(
                                        ShareBasis.CPU_TIME, 19.5, Map.of(7L, 19.5), false, 0))));
        TrialEnergy e = ledger.energyOf(w.key());
        assertThat(e.totalJoules()).isZero();
        assertThat(e.devices().get(0).basis()).containsExactly(ShareBasis.CPU_TIME);
    }

    @Test
    void aTrialThatUsedNothingIsChargedNothingAndTheRestIsOther() {
        TrialWindow w =
                TrialWindow.finished(
                        new TrialKey("idle", 1),
                        "h",
                        Set.of(TrialWindow.CPU),
                        Set.of(42L),
                        at(0),
                        at(WINDOW));
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        ledger.putTrial(w);
        ledger.addSample(
                new EnergySample(
                        "h/cpu/0",
                        "h",
                        "package-0",
                        Component.CPU_PACKAGE,
                        at(0),
                        at(WINDOW),
                        300,
                        OptionalDouble.empty(),
                        List.of(),
                        Optional.of(
                                new HostUsage(
                                        ShareBasis.CPU_TIME,
                                        19.5,
                                        Map.of(7L, 19.5, 42L, 0.0),
                                        false,
                                        40))));
        assertThat(ledger.energyOf(w.key()).totalJoules()).isZero();
        assertThat(ledger.energyOf(w.key()).devices().get(0).otherJoules())
                .isCloseTo(260, within(1e-9));
        EnergyTotals totals = ledger.totals();
        assertThat(totals.other()).isCloseTo(260, within(1e-9));
        assertThat(totals.idle()).isCloseTo(40, within(1e-9));
    }

    @Test
    void aTrialReportingPidOneIsNotChargedTheWholeHost() {
        // pid 1 seen from the monitor is the host's init, whose tree is everything: a trial in its
        // own pid
        // namespace reports 1 for itself. Its share is then taken by time, and says so.
        TrialWindow w =
                TrialWindow.finished(
                        new TrialKey("container", 1),
                        "h",
                        Set.of(TrialWindow.CPU),
                        Set.of(1L),
                        at(0),
                        at(WINDOW));
        TrialWindow other =
                TrialWindow.finished(
                        new TrialKey("host", 1),
                        "h",
                        Set.of(TrialWindow.CPU),
                        Set.of(50L),
                        at(0),
                        at(WINDOW));
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        ledger.putTrial(w);
        ledger.putTrial(other);
        ledger.addSample(
                new EnergySample(
                        "h/cpu/0",
                        "h",
                        "package-0",
                        Component.CPU_PACKAGE,
                        at(0),
                        at(WINDOW),
                        300,
                        OptionalDouble.empty(),
                        List.of(),
                        Optional.of(
                                new HostUsage(
                                        ShareBasis.CPU_TIME,
                                        20,
                                        Map.of(1L, 20.0, 50L, 2.0),
                                        false,
                                        0))));
        assertThat(ledger.energyOf(w.key()).totalJoules()).isCloseTo(150, within(1e-9));
        assertThat(ledger.energyOf(w.key()).devices().get(0).basis())
                .containsExactly(ShareBasis.EQUAL);
    }

    @Test
    void windowsMissingDuringATrialMakeItPartialNotZero() {
        // The monitor restarted: five windows in the middle of the trial never arrived.
        Scenario s = scenario(new SplittableRandom(3), 1, false);
        TrialWindow t =
                TrialWindow.finished(
                        new TrialKey("long", 1),
                        "h",
                        Set.of(TrialWindow.CPU),
                        s.trials().get(0).pids(),
                        at(0),
                        at(WINDOW * WINDOWS));
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        ledger.putTrial(t);
        for (EnergySample e : s.samples()) {
            long k = Long.parseLong(e.sampleId().substring(e.sampleId().lastIndexOf('/') + 1));
            if (k < 10 || k >= 15) {
                Map<Long, Double> byPid = Map.of(t.pids().iterator().next(), 3.0);
                ledger.addSample(
                        new EnergySample(
                                e.sampleId(),
                                "h",
                                e.device(),
                                e.component(),
                                e.windowStart(),
                                e.windowEnd(),
                                e.joules(),
                                OptionalDouble.empty(),
                                List.of(),
                                Optional.of(
                                        new HostUsage(ShareBasis.CPU_TIME, 6.0, byPid, false, 0))));
            }
        }
        TrialEnergy e = ledger.energyOf(t.key());
        assertThat(e.partial()).isTrue();
        assertThat(e.devices().get(0).gapSeconds()).isCloseTo(5 * WINDOW, within(1e-9));
        assertThat(e.totalJoules()).isPositive();
    }

    private static double overlap(double a, double b, double from, double to) {
        return Math.max(0, Math.min(b, to) - Math.max(a, from));
    }
}
