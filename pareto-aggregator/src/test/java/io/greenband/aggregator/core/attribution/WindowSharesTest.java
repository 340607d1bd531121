package io.greenband.aggregator.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A window's energy split among a set of trials: charged, other and idle add up to the sample. */
class WindowSharesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static EnergySample cpu(
            double joules, Map<Long, Double> use, double hostCpu, double baseline) {
        return new EnergySample(
                "h/cpu/0",
                "h",
                "package-0",
                Component.CPU_PACKAGE,
                T0,
                T0.plusSeconds(10),
                joules,
                OptionalDouble.empty(),
                List.of(),
                Optional.of(new HostUsage(ShareBasis.CPU_TIME, hostCpu, use, false, baseline)));
    }

    private static TrialWindow trial(String id, long pid, int from, int to) {
        return TrialWindow.finished(
                new TrialKey(id, 1),
                "h",
                Set.of(TrialWindow.CPU),
                Set.of(pid),
                T0.plusSeconds(from),
                T0.plusSeconds(to));
    }

    @Test
    void whatNoTrialOfTheSetUsedIsOtherAndTheBaselineIdle() {
        // 110 J, 10 J baseline; the trial used 4 of the host's 16 busy CPU-seconds: 25 J charged,
        // 75 J other.
        WindowShares.Shares s =
                WindowShares.of(
                        cpu(110, Map.of(7L, 4.0, 8L, 12.0), 16, 10), List.of(trial("t", 7, 0, 10)));
        assertThat(s.attributed()).isCloseTo(25, within(1e-9));
        assertThat(s.other()).isCloseTo(75, within(1e-9));
        assertThat(s.idle()).isCloseTo(10, within(1e-9));
    }

    @Test
    void matchesWhatTheLedgerChargesTheTrials() {
        EnergySample sample = cpu(200, Map.of(7L, 3.0, 9L, 5.0, 8L, 6.0), 15, 20);
        List<TrialWindow> trials =
                List.of(
                        trial("a", 7, 0, 10),
                        trial("b", 9, 0, 10),
                        TrialWindow.finished(
                                new TrialKey("x", 1),
                                "elsewhere",
                                Set.of(TrialWindow.CPU),
                                Set.of(8L),
                                T0,
                                T0.plusSeconds(10)));
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        trials.forEach(ledger::putTrial);
        ledger.addSample(sample);
        WindowShares.Shares s = WindowShares.of(sample, trials);
        double charged =
                ledger.energyOf(new TrialKey("a", 1)).totalJoules()
                        + ledger.energyOf(new TrialKey("b", 1)).totalJoules();
        assertThat(s.attributed()).isCloseTo(charged, within(1e-9));
        assertThat(s.other()).isCloseTo(ledger.totals().other(), within(1e-9));
        assertThat(s.attributed() + s.other() + s.idle()).isCloseTo(200, within(1e-9));
    }

    @Test
    void aWindowNoTrialRanInIsIdle() {
        WindowShares.Shares s =
                WindowShares.of(cpu(50, Map.of(8L, 6.0), 6, 5), List.of(trial("t", 7, 20, 30)));
        assertThat(s.attributed()).isZero();
        assertThat(s.other()).isZero();
        assertThat(s.idle()).isCloseTo(50, within(1e-9));
    }
}
