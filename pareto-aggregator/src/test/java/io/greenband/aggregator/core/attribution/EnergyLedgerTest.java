package io.greenband.aggregator.core.attribution;

import static io.greenband.aggregator.core.attribution.SyntheticTrace.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greenband.aggregator.core.attribution.SyntheticTrace.Power;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnergyLedgerTest {

    private static final Power GPU0 = new Power(250, 90, 37);
    private static final Power GPU1 = new Power(180, 60, 23);
    private static final Power CPU = new Power(95, 30, 11);
    private static final TrialKey A = new TrialKey("a", 0);
    private static final TrialKey B = new TrialKey("b", 0);
    private static final TrialKey C = new TrialKey("c", 1);

    /**
     * Two GPUs and a CPU package on h1; A on gpu0, B on gpu1, C on gpu0 after A; all share the CPU.
     */
    private static List<EnergySample> trace() {
        List<EnergySample> samples = new ArrayList<>();
        samples.addAll(SyntheticTrace.samples("h1", "GPU-0", Component.GPU, GPU0, 0, 400, 10));
        samples.addAll(SyntheticTrace.samples("h1", "GPU-1", Component.GPU, GPU1, 0, 400, 10));
        samples.addAll(
                SyntheticTrace.samples("h1", "package-0", Component.CPU_PACKAGE, CPU, 0, 400, 1));
        return samples;
    }

    private static List<TrialWindow> windows() {
        return List.of(
                TrialWindow.finished(A, "h1", Set.of("GPU-0"), Set.of(), at(3.4), at(187.9)),
                TrialWindow.finished(B, "h1", Set.of("GPU-1"), Set.of(), at(50.2), at(300.7)),
                TrialWindow.finished(C, "h1", Set.of("GPU-0"), Set.of(), at(200.1), at(280.0)));
    }

    private static EnergyLedger ledgerWith(List<EnergySample> samples) {
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        windows().forEach(ledger::putTrial);
        samples.forEach(ledger::addSample);
        return ledger;
    }

    @Test
    void exclusiveGpusMatchTheTrueIntegralWithinOnePercent() {
        EnergyLedger ledger = ledgerWith(trace());
        assertThat(ledger.energyOf(A).joules(Component.GPU))
                .isCloseTo(GPU0.integral(3.4, 187.9), withinPercent(1));
        assertThat(ledger.energyOf(B).joules(Component.GPU))
                .isCloseTo(GPU1.integral(50.2, 300.7), withinPercent(1));
        assertThat(ledger.energyOf(C).joules(Component.GPU))
                .isCloseTo(GPU0.integral(200.1, 280.0), withinPercent(1));
        assertThat(ledger.energyOf(A).partial()).isFalse();
        assertThat(ledger.energyOf(A).devices())
                .filteredOn(d -> d.component() == Component.GPU)
                .noneMatch(DeviceEnergy::shared);
    }

    @Test
    void cpuIsSharedEvenlyBetweenConcurrentTrialsAndIdleIsKeptApart() {
        EnergyLedger ledger = ledgerWith(trace());
        // A alone 3.4..50.2, A+B 50.2..187.9, B alone 187.9..200.1, B+C 200.1..280, B alone
        // 280..300.7.
        double expectedA = CPU.integral(3.4, 50.2) + CPU.integral(50.2, 187.9) / 2;
        double expectedB =
                CPU.integral(50.2, 187.9) / 2
                        + CPU.integral(187.9, 200.1)
                        + CPU.integral(200.1, 280) / 2
                        + CPU.integral(280, 300.7);
        assertThat(ledger.energyOf(A).joules(Component.CPU_PACKAGE))
                .isCloseTo(expectedA, withinPercent(1));
        assertThat(ledger.energyOf(B).joules(Component.CPU_PACKAGE))
                .isCloseTo(expectedB, withinPercent(1));

        EnergyTotals totals = ledger.totals();
        double idleExpected =
                GPU0.integral(0, 3.4)
                        + GPU0.integral(187.9, 200.1)
                        + GPU0.integral(280, 400)
                        + GPU1.integral(0, 50.2)
                        + GPU1.integral(300.7, 400)
                        + CPU.integral(0, 3.4)
                        + CPU.integral(300.7, 400);
        assertThat(totals.idle("h1")).isCloseTo(idleExpected, withinPercent(1));
        assertThat(totals.attributed() + totals.idle()).isCloseTo(totals.measured(), within(1e-6));
        double trialsSum =
                ledger.energyOf(A).totalJoules()
                        + ledger.energyOf(B).totalJoules()
                        + ledger.energyOf(C).totalJoules();
        assertThat(trialsSum).isCloseTo(totals.attributed(), within(1e-6));
    }

    @Test
    void reorderingAndDuplicatesGiveTheSameResult() {
        EnergyLedger ordered = ledgerWith(trace());
        List<EnergySample> shuffled = new ArrayList<>(trace());
        shuffled.addAll(shuffled.subList(0, 50)); // redelivered samples
        Collections.shuffle(shuffled, new Random(17));
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        int duplicates = 0;
        for (int i = 0; i < shuffled.size(); i++) {
            if (i == shuffled.size() / 2) {
                windows().forEach(ledger::putTrial); // trial windows arrive in the middle of the
                // samples
            }
            if (ledger.addSample(shuffled.get(i)).status() == SampleOutcome.Status.DUPLICATE) {
                duplicates++;
            }
        }
        assertThat(duplicates).isEqualTo(50);
        for (TrialKey key : List.of(A, B, C)) {
            assertThat(ledger.energyOf(key).totalJoules())
                    .isCloseTo(ordered.energyOf(key).totalJoules(), within(1e-6));
        }
        assertThat(ledger.totals().measured()).isCloseTo(ordered.totals().measured(), within(1e-6));
    }

    @Test
    void sharedGpuIsSplitByProcessUtilizationOrEvenly() {
        Power flat = new Power(300, 0, 1);
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        ledger.putTrial(
                TrialWindow.finished(A, "h1", Set.of("GPU-0"), Set.of(11L), at(0), at(100)));
        ledger.putTrial(
                TrialWindow.finished(B, "h1", Set.of("GPU-0"), Set.of(22L), at(40), at(100)));
        for (EnergySample s :
                SyntheticTrace.samples("h1", "GPU-0", Component.GPU, flat, 0, 100, 10)) {
            boolean early = s.windowEnd().isBefore(at(70.5));
            // First half of the overlap: utilization 75/25; afterwards the monitor saw no
            // per-process numbers.
            ledger.addSample(
                    early
                            ? SyntheticTrace.withProcesses(
                                    s, List.of(ProcessSeen.of(11, 60), ProcessSeen.of(22, 20)))
                            : s);
        }
        // Before B starts its pid 22 is no trial's: A alone gets its SM share 60/80, pid 22's part
        // is other energy.
        double other = 300 * 40 * 0.25;
        double expectedA = 300 * 40 * 0.75 + 300 * 30 * 0.75 + 300 * 30 * 0.5;
        assertThat(ledger.energyOf(A).totalJoules()).isCloseTo(expectedA, within(1e-6));
        assertThat(ledger.energyOf(B).totalJoules())
                .isCloseTo(300 * 100 - expectedA - other, within(1e-6));
        assertThat(ledger.totals().other()).isCloseTo(other, within(1e-6));
        assertThat(ledger.energyOf(B).devices().get(0).shared()).isTrue();
    }

    @Test
    void lateSamplesWithinGraceCountAndLaterOnesAreReportedNotAdded() {
        EnergyLedger ledger =
                new EnergyLedger(new AttributionSettings(Duration.ofSeconds(30), Duration.ZERO));
        ledger.putTrial(TrialWindow.finished(A, "h1", Set.of("GPU-0"), Set.of(), at(0), at(95)));
        List<EnergySample> samples =
                SyntheticTrace.samples("h1", "GPU-0", Component.GPU, GPU0, 0, 120, 10);
        samples.subList(0, 8).forEach(ledger::addSample);
        assertThat(ledger.finalizeDue(at(124))).isEmpty(); // 95 + 30 > 124: still open
        ledger.addSample(samples.get(8)); // within grace
        List<TrialEnergy> finals = ledger.finalizeDue(at(125));
        assertThat(finals).extracting(TrialEnergy::key).containsExactly(A);
        assertThat(finals.get(0).partial()).isTrue(); // 90..95 not measured yet
        assertThat(finals.get(0).totalJoules()).isCloseTo(GPU0.integral(0, 90), withinPercent(1));

        SampleOutcome late = ledger.addSample(samples.get(9));
        assertThat(late.missedFinalized()).containsExactly(A);
        assertThat(ledger.energyOf(A).totalJoules()).isEqualTo(finals.get(0).totalJoules());
        EnergyTotals totals = ledger.totals();
        // Half of the late 90..100 window overlaps the trial: pro-rata, half of its energy is late.
        assertThat(totals.late()).isCloseTo(samples.get(9).joules() / 2, within(1e-6));
        assertThat(totals.attributed() + totals.idle() + totals.late())
                .isCloseTo(totals.measured(), within(1e-6));
        assertThat(
                        ledger.putTrial(
                                TrialWindow.finished(
                                        A, "h1", Set.of("GPU-0"), Set.of(), at(0), at(99))))
                .isFalse();
    }

    @Test
    void gapsMarkTheTrialPartialWithTheMissingTime() {
        List<EnergySample> samples = new ArrayList<>(trace());
        samples.removeIf(s -> s.device().equals("GPU-1") && s.windowStart().equals(at(100)));
        EnergyLedger ledger = ledgerWith(samples);
        DeviceEnergy gpu =
                ledger.energyOf(B).devices().stream()
                        .filter(d -> d.device().equals("GPU-1"))
                        .findFirst()
                        .orElseThrow();
        assertThat(gpu.gapSeconds()).isCloseTo(10, within(1e-6));
        assertThat(ledger.energyOf(B).partial()).isTrue();
        assertThat(ledger.energyOf(A).partial()).isFalse();
    }

    @Test
    void unmeasuredDevicesAreGaps() {
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        ledger.putTrial(TrialWindow.finished(A, "h2", Set.of("GPU-9"), Set.of(), at(0), at(10)));
        ledger.putTrial(
                TrialWindow.finished(B, "h3", Set.of(TrialWindow.CPU), Set.of(), at(0), at(10)));
        assertThat(ledger.energyOf(A).partial()).isTrue();
        assertThat(ledger.energyOf(B).partial()).isTrue();
        assertThat(ledger.energyOf(B).devices())
                .extracting(DeviceEnergy::device)
                .containsExactly(TrialWindow.CPU);
    }

    @Test
    void inferencePhaseEnergyIsTheSubWindowIntegral() {
        EnergyLedger ledger = ledgerWith(trace());
        TrialEnergy phase = ledger.energyOver(A, at(150), at(170));
        assertThat(phase.joules(Component.GPU))
                .isCloseTo(GPU0.integral(150, 170), withinPercent(1));
        assertThat(phase.durationSeconds()).isCloseTo(20, within(1e-9));
    }

    @Test
    void runningTrialIsMeasuredUpToTheLatestSample() {
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        ledger.putTrial(TrialWindow.started(A, "h1", Set.of("GPU-0"), Set.of(), at(5)));
        SyntheticTrace.samples("h1", "GPU-0", Component.GPU, GPU0, 0, 60, 10)
                .forEach(ledger::addSample);
        TrialEnergy running = ledger.energyOf(A);
        assertThat(running.finalized()).isFalse();
        assertThat(running.to()).isEqualTo(at(60));
        assertThat(running.totalJoules()).isCloseTo(GPU0.integral(5, 60), withinPercent(1));
        assertThat(ledger.finalizeDue(at(1000))).isEmpty();
    }

    @Test
    void overlappingWindowOfAnotherSampleIsRefusedAndUnknownTrialsNamed() {
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        ledger.addSample(EnergySample.of("s1", "h1", "GPU-0", Component.GPU, at(0), at(10), 100));
        SampleOutcome clash =
                ledger.addSample(
                        EnergySample.of("s2", "h1", "GPU-0", Component.GPU, at(5), at(15), 100));
        assertThat(clash.status()).isEqualTo(SampleOutcome.Status.OVERLAPPING_WINDOW);
        assertThat(ledger.totals().measured()).isEqualTo(100.0);
        assertThatThrownBy(() -> ledger.energyOf(A)).hasMessageContaining("trial a#0 is unknown");
    }

    private static org.assertj.core.data.Percentage withinPercent(double p) {
        return org.assertj.core.data.Percentage.withPercentage(p);
    }
}
