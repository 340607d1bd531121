package io.greenband.cli.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.events.payload.TrialScored;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the front describes a trial's energy. */
class PointTest {

    @Test
    void describesTheBasesTheCompletenessAndTheHostsOtherEnergyWithoutCommas() {
        TrialScored.EnergyBreakdown e =
                new TrialScored.EnergyBreakdown(
                        40,
                        0,
                        0,
                        40,
                        true,
                        Map.of("CPU", 35.0, "RAM", 5.0),
                        734.26,
                        Map.of("cpu", "CPU_TIME", "ram", "RSS"),
                        false);
        String text = Point.describe(e);
        assertThat(text).isEqualTo("CPU_TIME+RSS estimated complete; other 734.3 J");
        assertThat(text).doesNotContain(",");
    }

    @Test
    void leavesOtherOutWhenThereWasNone() {
        TrialScored.EnergyBreakdown e =
                new TrialScored.EnergyBreakdown(
                        40,
                        0,
                        0,
                        40,
                        false,
                        Map.of("GPU", 40.0),
                        0.0,
                        Map.of("gpu", "EXCLUSIVE_DEVICE"),
                        null);
        assertThat(Point.describe(e)).isEqualTo("EXCLUSIVE_DEVICE measured");
    }
}
