package io.greenband.cli.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The front as CSV keeps every digit; the table stays short for reading. */
class FrontTableTest {

    private static final List<Point> FRONT =
            List.of(
                    new Point(
                            "t1",
                            27,
                            List.of(0.123456789012345, 1.0E-7),
                            98765.4321,
                            "",
                            "measured"),
                    new Point("t2", 9, List.of(0.5, 12345678.5), Double.NaN, "", ""));

    @Test
    void csvPrintsFullPrecision() {
        List<String> lines =
                FrontTable.csv(List.of("val_error", "emissions_g"), FRONT).lines().toList();
        assertThat(lines)
                .containsExactly(
                        "trialId,fidelity,val_error,emissions_g,joules,energy",
                        "t1,27,0.123456789012345,0.0000001,98765.4321,measured",
                        "t2,9,0.5,12345678.5,,");
        for (String cell : lines.get(1).split(",")) {
            if (cell.matches("[0-9.]+")) {
                assertThat(Double.parseDouble(cell))
                        .isIn(27.0, 0.123456789012345, 1.0E-7, 98765.4321);
            }
        }
    }

    @Test
    void theTableRoundsForReading() {
        assertThat(FrontTable.table(List.of("val_error", "emissions_g"), FRONT))
                .contains("0.123457")
                .contains("98765.4");
    }

    @Test
    void exactNumbersReadBackAsTheSameDouble() {
        for (double v : new double[] {0.1 + 0.2, Math.PI, 1e21, -3.5e-12, 0.0}) {
            assertThat(Double.parseDouble(FrontTable.exact(v))).isEqualTo(v);
        }
    }
}
