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

/**
 * Properties of the memory split (resident bytes while running, {@link
 * HostUsage#residentWhileRunning}).
 */
class MemorySplitPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final double WINDOW = 10;
    private static final int WINDOWS = 30;
    private static final int CPUS = 2;
    private static final long MEM = 16L << 30;

    private static Instant at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9));
    }

    private static double overlap(double a, double b, double from, double to) {
        return Math.max(0, Math.min(b, to) - Math.max(a, from));
    }

    private static EnergySample sample(
            int k, double joules, Map<Long, double[]> trees, double baseline) {
        return new EnergySample(
                "h/ram/" + k,
                "h",
                "ram",
                Component.ESTIMATED,
                at(k * WINDOW),
                at((k + 1) * WINDOW),
                joules,
                OptionalDouble.empty(),
                List.of(),
                Optional.of(
                        HostUsage.residentWhileRunning(trees, MEM, CPUS, WINDOW, false, baseline)));
    }

    @RepeatedTest(20)
    void conservesAndNeverChargesMoreThanTheCpuTimeShare(RepetitionInfo info) {
        SplittableRandom random = new SplittableRandom(13000 + info.getCurrentRepetition());
        List<TrialWindow> trials = new ArrayList<>();
        for (int i = 0; i < 1 + info.getCurrentRepetition() % 4; i++) {
            double start = random.nextDouble() * 200;
            trials.add(
                    TrialWindow.finished(
                            new TrialKey("t" + i, 1),
                            "h",
                            Set.of(TrialWindow.CPU),
                            Set.of(100L + i),
                            at(start),
                            at(start + 20 + random.nextDouble() * 70)));
        }
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        trials.forEach(ledger::putTrial);
        Map<Long, Double> bound = new HashMap<>();
        double measured = 0;
        for (int k = 0; k < WINDOWS; k++) {
            Map<Long, double[]> trees = new HashMap<>();
            double trialCpu = 0;
            for (TrialWindow t : trials) {
                double o =
                        overlap(
                                secondsOf(t.start()),
                                secondsOf(t.end().orElseThrow()),
                                k * WINDOW,
                                (k + 1) * WINDOW);
                if (o > 0) {
                    double cpu = random.nextDouble() * o * CPUS / trials.size();
                    trees.put(
                            t.pids().iterator().next(),
                            new double[] {cpu, random.nextDouble() * MEM / 4});
                    trialCpu += cpu;
                }
            }
            // Foreign work fills the rest of the host's CPU time, some of the time.
            double hostCpu = trialCpu + random.nextDouble() * (CPUS * WINDOW - trialCpu);
            double joules = 40 + random.nextDouble() * 200;
            measured += joules;
            for (Map.Entry<Long, double[]> e : trees.entrySet()) {
                bound.merge(
                        e.getKey(),
                        hostCpu > 0 ? joules * e.getValue()[0] / hostCpu : 0,
                        Double::sum);
            }
            ledger.addSample(sample(k, joules, trees, random.nextBoolean() ? 0 : joules * 0.3));
        }
        EnergyTotals totals = ledger.totals();
        assertThat(totals.attributed() + totals.other() + totals.idle() + totals.late())
                .isCloseTo(measured, within(1e-6));
        double charged = 0;
        for (TrialWindow t : trials) {
            TrialEnergy e = ledger.energyOf(t.key());
            assertThat(e.devices().get(0).basis()).containsOnly(ShareBasis.RSS);
            assertThat(e.totalJoules())
                    .isLessThanOrEqualTo(bound.get(t.pids().iterator().next()) + 1e-6);
            charged += e.totalJoules();
        }
        assertThat(charged).isCloseTo(totals.attributed(), within(1e-6));
    }

    @RepeatedTest(10)
    void twoIdenticalTrialsInParallelAreChargedAlike(RepetitionInfo info) {
        SplittableRandom random = new SplittableRandom(17000 + info.getCurrentRepetition());
        double startA = 3 + random.nextDouble();
        double startB = 3 + random.nextDouble();
        double length = 200;
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        ledger.putTrial(
                TrialWindow.finished(
                        new TrialKey("a", 1),
                        "h",
                        Set.of(TrialWindow.CPU),
                        Set.of(11L),
                        at(startA),
                        at(startA + length)));
        ledger.putTrial(
                TrialWindow.finished(
                        new TrialKey("b", 1),
                        "h",
                        Set.of(TrialWindow.CPU),
                        Set.of(12L),
                        at(startB),
                        at(startB + length)));
        for (int k = 0; k < WINDOWS; k++) {
            double from = k * WINDOW;
            double to = from + WINDOW;
            Map<Long, double[]> trees = new HashMap<>();
            trees.put(
                    11L,
                    new double[] {
                        0.6 * overlap(startA, startA + length, from, to),
                        1e9 * (0.98 + random.nextDouble() * 0.04)
                    });
            trees.put(
                    12L,
                    new double[] {
                        0.6 * overlap(startB, startB + length, from, to),
                        1e9 * (0.98 + random.nextDouble() * 0.04)
                    });
            ledger.addSample(sample(k, 200, trees, 0));
        }
        double a = ledger.energyOf(new TrialKey("a", 1)).totalJoules();
        double b = ledger.energyOf(new TrialKey("b", 1)).totalJoules();
        assertThat(a).isPositive();
        assertThat(Math.abs(a - b) / Math.max(a, b)).isLessThanOrEqualTo(0.10);
    }

    @Test
    void aTrialHeldBackByForeignLoadIsChargedWhatItIsChargedAlone() {
        // The same work (4 CPU-seconds with 1 GB resident): alone in 4 s, beside a load in 12 s.
        double alone = chargedFor(new double[] {4}, 1e9);
        double loaded = chargedFor(new double[] {1.5, 1.5, 1.0}, 1e9);
        assertThat(alone).isPositive();
        assertThat(loaded).isCloseTo(alone, within(alone * 1e-9));
    }

    private static double chargedFor(double[] cpuPerWindow, double rss) {
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        ledger.putTrial(
                TrialWindow.finished(
                        new TrialKey("t", 1),
                        "h",
                        Set.of(TrialWindow.CPU),
                        Set.of(7L),
                        at(0),
                        at(cpuPerWindow.length * WINDOW)));
        for (int k = 0; k < cpuPerWindow.length; k++) {
            ledger.addSample(sample(k, 100, Map.of(7L, new double[] {cpuPerWindow[k], rss}), 0));
        }
        return ledger.energyOf(new TrialKey("t", 1)).totalJoules();
    }

    private static double secondsOf(Instant t) {
        return (t.toEpochMilli() - T0.toEpochMilli()) / 1000.0;
    }
}
