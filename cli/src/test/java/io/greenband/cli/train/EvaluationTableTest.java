package io.greenband.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spread over seeds and the table and CSV of {@code greenband evaluate}. */
class EvaluationTableTest {

    private static ChildResult ok(double test, double val) {
        return new ChildResult(
                true, null, Map.of("test_accuracy", test, "val_accuracy", val), 10, 12, 1e9);
    }

    @Test
    void spreadIsTheSampleDeviationAndLeavesFailuresOut() {
        SeedSpread s = SeedSpread.of(List.of(0.80, 0.84, Double.NaN, 0.82));
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.mean()).isCloseTo(0.82, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.sd()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.min()).isEqualTo(0.80);
        assertThat(s.max()).isEqualTo(0.84);
        assertThat(s.text(100, 1)).isEqualTo("82.0 ± 2.0");
        assertThat(SeedSpread.of(List.of(Double.NaN)).text(100, 1)).isEqualTo("failed");
        assertThat(SeedSpread.of(List.of(0.5)).sd()).isZero();
    }

    @Test
    void rowsReportTestAccuracyAndEnergyPerConfiguration() {
        ChildResult failed = new ChildResult(false, "DIVERGED: loss is NaN", Map.of(), 3, 4, 1e9);
        EvaluationTable.Row row =
                new EvaluationTable.Row(
                        "s-t0007",
                        Map.of("shift_type", "Q"),
                        List.of(1L, 2L, 3L),
                        List.of(ok(0.70, 0.72), ok(0.74, 0.70), failed),
                        List.of(100.0, 120.0, 30.0),
                        475);
        assertThat(row.testAccuracy().mean())
                .isCloseTo(0.72, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(row.energy().mean()).isEqualTo(110.0);
        assertThat(row.energy().n()).isEqualTo(2);
        assertThat(EvaluationTable.table(List.of(row)))
                .contains("s-t0007")
                .contains("72.0 ± 2.8")
                .contains("110.0 ± 14.1");
        List<String> csv = EvaluationTable.csv(List.of(row)).lines().toList();
        assertThat(csv.get(0))
                .startsWith("trialId,seeds,failed,test_accuracy_mean,test_accuracy_sd");
        assertThat(csv.get(1))
                .startsWith(
                        "s-t0007,3,1,0.720000,0.0282843,0.700000,0.740000,0.710000,110.000,14.1421,");
        assertThat(row.json()).containsEntry("errors", List.of("DIVERGED: loss is NaN"));
    }
}
