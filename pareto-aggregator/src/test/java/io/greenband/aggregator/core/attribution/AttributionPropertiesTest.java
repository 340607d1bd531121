package io.greenband.aggregator.core.attribution;

import static io.greenband.aggregator.core.attribution.SyntheticTrace.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenband.aggregator.core.attribution.SyntheticTrace.Power;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

class AttributionPropertiesTest {

    private static final Map<String, Power> GPUS =
            Map.of(
                    "GPU-0",
                    new Power(240, 80, 29),
                    "GPU-1",
                    new Power(150, 40, 43),
                    "GPU-2",
                    new Power(90, 20, 21));
    private static final Power CPU = new Power(70, 25, 5);
    private static final Power DRAM = new Power(12, 3, 3);

    @RepeatedTest(8)
    void energyIsConservedNonNegativeAndExactForExclusiveDevices(RepetitionInfo info) {
        SplittableRandom random = new SplittableRandom(1000 + info.getCurrentRepetition());
        double horizon = 600;
        List<EnergySample> samples = new ArrayList<>();
        GPUS.forEach(
                (device, power) ->
                        samples.addAll(
                                SyntheticTrace.samples(
                                        "h",
                                        device,
                                        Component.GPU,
                                        power,
                                        0,
                                        horizon,
                                        1 + random.nextInt(5))));
        samples.addAll(
                SyntheticTrace.samples(
                        "h", "package-0", Component.CPU_PACKAGE, CPU, 0, horizon, 1));
        samples.addAll(SyntheticTrace.samples("h", "dram-0", Component.DRAM, DRAM, 0, horizon, 2));

        List<TrialWindow> windows = new ArrayList<>();
        List<String> devices = List.of("GPU-0", "GPU-1", "GPU-2", TrialWindow.CPU);
        for (int i = 0; i < 12; i++) {
            // Windows of at most 5 s against trials of at least 120 s: edge pieces stay well below
            // 1%.
            double start = random.nextDouble() * (horizon - 120);
            double end = start + 120 + random.nextDouble() * (horizon - start - 120);
            windows.add(
                    TrialWindow.finished(
                            new TrialKey("t" + i, 0),
                            "h",
                            Set.of(devices.get(random.nextInt(4))),
                            Set.of(),
                            at(start),
                            at(end)));
        }
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        windows.forEach(ledger::putTrial);
        samples.forEach(ledger::addSample);

        EnergyTotals totals = ledger.totals();
        double trialsSum = 0;
        for (TrialWindow w : windows) {
            TrialEnergy e = ledger.energyOf(w.key());
            assertThat(e.devices()).allMatch(d -> d.joules() >= 0);
            assertThat(e.partial()).isFalse();
            trialsSum += e.totalJoules();
            String device = w.devices().iterator().next();
            if (!device.equals(TrialWindow.CPU) && heldAlone(w, windows)) {
                double from = seconds(w.start());
                double to = seconds(w.end().orElseThrow());
                assertThat(e.joules(Component.GPU))
                        .isCloseTo(
                                GPUS.get(device).integral(from, to), Percentage.withPercentage(1));
            }
        }
        assertThat(trialsSum).isCloseTo(totals.attributed(), within(1e-6));
        assertThat(totals.attributed() + totals.idle()).isCloseTo(totals.measured(), within(1e-6));
        double truth = CPU.integral(0, horizon) + DRAM.integral(0, horizon);
        for (Power p : GPUS.values()) {
            truth += p.integral(0, horizon);
        }
        assertThat(totals.measured()).isCloseTo(truth, within(1e-6));
    }

    private static boolean heldAlone(TrialWindow w, List<TrialWindow> all) {
        for (TrialWindow other : all) {
            if (other != w
                    && other.devices().equals(w.devices())
                    && other.overlaps(w.start(), w.end().orElseThrow())) {
                return false;
            }
        }
        return true;
    }

    private static double seconds(java.time.Instant t) {
        return java.time.Duration.between(SyntheticTrace.T0, t).toNanos() / 1e9;
    }
}
