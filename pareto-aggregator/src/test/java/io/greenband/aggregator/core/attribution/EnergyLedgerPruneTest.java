package io.greenband.aggregator.core.attribution;

import static io.greenband.aggregator.core.attribution.SyntheticTrace.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greenband.aggregator.core.attribution.SyntheticTrace.Power;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnergyLedgerPruneTest {

    private static final Power GPU = new Power(200, 50, 31);
    private static final Power CPU = new Power(60, 10, 17);
    private static final TrialKey A = new TrialKey("a", 0);
    private static final TrialKey B = new TrialKey("b", 0);
    private static final TrialKey C = new TrialKey("c", 0);

    private static List<EnergySample> samples() {
        List<EnergySample> all =
                new ArrayList<>(
                        SyntheticTrace.samples("h", "GPU-0", Component.GPU, GPU, 0, 600, 7));
        all.addAll(SyntheticTrace.samples("h", "package-0", Component.CPU_PACKAGE, CPU, 0, 600, 1));
        return all;
    }

    @Test
    void pruningKeepsTotalsPendingTrialsAndDedupeIntact() {
        EnergyLedger reference = new EnergyLedger(AttributionSettings.defaults());
        EnergyLedger pruned = new EnergyLedger(AttributionSettings.defaults());
        for (EnergyLedger ledger : List.of(reference, pruned)) {
            ledger.putTrial(
                    TrialWindow.finished(A, "h", Set.of("GPU-0"), Set.of(), at(10), at(200)));
            ledger.putTrial(
                    TrialWindow.finished(B, "h", Set.of("GPU-0"), Set.of(), at(150), at(420)));
            ledger.putTrial(
                    TrialWindow.started(C, "h", Set.of(TrialWindow.CPU), Set.of(), at(300)));
            samples().forEach(ledger::addSample);
            ledger.finalizeDue(at(240)); // A is final, B ends later, C runs
        }
        // B (not final) starts at 150: the horizon is lowered to it.
        assertThat(pruned.prune(at(500))).isEqualTo(at(150));
        EnergyTotals before = reference.totals();
        EnergyTotals after = pruned.totals();
        assertThat(after.measured()).isCloseTo(before.measured(), within(1e-6));
        assertThat(after.attributed()).isCloseTo(before.attributed(), within(1e-6));
        assertThat(after.idle()).isCloseTo(before.idle(), within(1e-6));
        assertThat(pruned.energyOf(B).totalJoules())
                .isCloseTo(reference.energyOf(B).totalJoules(), within(1e-6));
        assertThat(pruned.energyOf(C).totalJoules())
                .isCloseTo(reference.energyOf(C).totalJoules(), within(1e-6));

        // Redelivered samples from before the horizon neither count twice nor count at all.
        for (EnergySample s : samples().subList(0, 10)) {
            assertThat(pruned.addSample(s).status()).isEqualTo(SampleOutcome.Status.EXPIRED);
        }
        assertThat(pruned.totals().measured()).isCloseTo(before.measured(), within(1e-6));

        // Once B and C are final, a later prune forgets A and B entirely.
        pruned.putTrial(
                TrialWindow.finished(C, "h", Set.of(TrialWindow.CPU), Set.of(), at(300), at(500)));
        reference.putTrial(
                TrialWindow.finished(C, "h", Set.of(TrialWindow.CPU), Set.of(), at(300), at(500)));
        pruned.finalizeDue(at(600));
        reference.finalizeDue(at(600));
        pruned.prune(at(590));
        assertThat(pruned.totals().attributed())
                .isCloseTo(reference.totals().attributed(), within(1e-6));
        assertThat(pruned.totals().idle()).isCloseTo(reference.totals().idle(), within(1e-6));
        assertThatThrownBy(() -> pruned.energyOf(A)).hasMessageContaining("forgotten");
        assertThat(
                        pruned.putTrial(
                                TrialWindow.finished(
                                        A, "h", Set.of("GPU-0"), Set.of(), at(10), at(200))))
                .isFalse();
    }
}
