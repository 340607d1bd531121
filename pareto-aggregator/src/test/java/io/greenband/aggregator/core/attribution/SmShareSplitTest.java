package io.greenband.aggregator.core.attribution;

import static io.greenband.aggregator.core.attribution.SyntheticTrace.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenband.aggregator.core.attribution.SyntheticTrace.Power;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Property tests of a shared GPU split by the SM utilization of the trials' processes. */
class SmShareSplitTest {

    @Test
    void sharesFollowSmUseForeignUseIsOtherAndEnergyIsConserved() {
        Random rng = new Random(17);
        for (int round = 0; round < 200; round++) {
            int n = 2 + rng.nextInt(3);
            EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
            List<ProcessSeen> processes = new ArrayList<>();
            double[] sm = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                ledger.putTrial(
                        TrialWindow.finished(
                                new TrialKey("t" + i, 0),
                                "h",
                                Set.of("GPU-0"),
                                Set.of(100L + i),
                                at(0),
                                at(60)));
                // Each trial's work runs in a child of its pid, some in two processes.
                sm[i] = rng.nextInt(4) == 0 ? 0 : rng.nextDouble(1, 50);
                processes.add(
                        new ProcessSeen(
                                1000 + i,
                                java.util.OptionalDouble.of(sm[i] / 2),
                                List.of(100L + i, 1L)));
                processes.add(
                        new ProcessSeen(
                                2000 + i,
                                java.util.OptionalDouble.of(sm[i] / 2),
                                List.of(1000L + i, 100L + i)));
                sum += sm[i];
            }
            double foreign = rng.nextBoolean() ? 0 : rng.nextDouble(0, 40);
            processes.add(new ProcessSeen(9999, java.util.OptionalDouble.of(foreign), List.of(1L)));
            double measured = 0;
            for (EnergySample s :
                    SyntheticTrace.samples(
                            "h", "GPU-0", Component.GPU, new Power(200, 50, 13), 0, 60, 10)) {
                ledger.addSample(SyntheticTrace.withProcesses(s, processes));
                measured += s.joules();
            }
            EnergyTotals totals = ledger.totals();
            assertThat(totals.measured()).isCloseTo(measured, within(1e-6));
            assertThat(totals.attributed() + totals.other() + totals.idle() + totals.late())
                    .as("conservation, round " + round)
                    .isCloseTo(measured, within(1e-6));
            double total = sum + foreign;
            for (int i = 0; i < n; i++) {
                double got = ledger.energyOf(new TrialKey("t" + i, 0)).totalJoules();
                double expected = total > 0 ? measured * sm[i] / total : measured / n;
                assertThat(got)
                        .as("trial " + i + " of round " + round)
                        .isCloseTo(expected, within(1e-6));
            }
            if (total > 0) {
                assertThat(totals.other()).isCloseTo(measured * foreign / total, within(1e-6));
            }
        }
    }

    @Test
    void twoIdenticalTrialsSharingAGpuAreChargedAlike() {
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        TrialKey a = new TrialKey("a", 0);
        TrialKey b = new TrialKey("b", 0);
        ledger.putTrial(TrialWindow.finished(a, "h", Set.of("GPU-0"), Set.of(11L), at(0), at(60)));
        ledger.putTrial(TrialWindow.finished(b, "h", Set.of("GPU-0"), Set.of(22L), at(0), at(60)));
        List<ProcessSeen> processes =
                List.of(
                        new ProcessSeen(31, java.util.OptionalDouble.of(40), List.of(11L)),
                        new ProcessSeen(32, java.util.OptionalDouble.of(40), List.of(22L)),
                        new ProcessSeen(33, java.util.OptionalDouble.of(20), List.of(1L)));
        for (EnergySample s :
                SyntheticTrace.samples(
                        "h", "GPU-0", Component.GPU, new Power(250, 0, 1), 0, 60, 10)) {
            ledger.addSample(SyntheticTrace.withProcesses(s, processes));
        }
        TrialEnergy ea = ledger.energyOf(a);
        assertThat(ea.totalJoules()).isCloseTo(ledger.energyOf(b).totalJoules(), within(1e-6));
        assertThat(ea.totalJoules()).isCloseTo(250 * 60 * 0.4, within(1e-6));
        assertThat(ea.devices().get(0).basis()).containsExactly(ShareBasis.SM_UTIL);
    }
}
