package io.greenband.energy.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greenband.energy.source.Component;
import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.Method;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RamEstimateTest {

    @TempDir Path dir;

    @Test
    void dimmCountGrowsWithSizeAndIsCapped() {
        assertThat(RamPowerModel.dimms(2)).isEqualTo(1);
        assertThat(RamPowerModel.dimms(8)).isEqualTo(2);
        assertThat(RamPowerModel.dimms(32)).isEqualTo(4);
        assertThat(RamPowerModel.dimms(64)).isEqualTo(4);
        assertThat(RamPowerModel.dimms(128)).isEqualTo(8);
        assertThat(RamPowerModel.dimms(1024)).isEqualTo(8);
        assertThat(RamPowerModel.dimms(200)).isEqualTo(13);
        assertThat(RamPowerModel.dimms(100_000)).isEqualTo(RamPowerModel.MAX_DIMMS);
    }

    @Test
    void dimmPowerHasAFloorAndDiminishes() {
        assertThat(RamPowerModel.DIMM_MODEL.watts(8, false, 0)).isEqualTo(10.0);
        assertThat(RamPowerModel.DIMM_MODEL.watts(32, false, 0)).isEqualTo(20.0);
        assertThat(RamPowerModel.DIMM_MODEL.watts(128, false, 0))
                .isCloseTo(20 + 4 * 4.5, within(1e-9));
        assertThat(RamPowerModel.DIMM_MODEL.watts(8, true, 0)).isEqualTo(3.0);
        assertThat(RamPowerModel.PER_GB.watts(64, false, 0)).isEqualTo(24.0);
        assertThat(RamPowerModel.FIXED.watts(64, false, 7)).isEqualTo(7.0);
        assertThatThrownBy(() -> RamPowerModel.parse("rss"))
                .hasMessageContaining("dimm_model, per_gb, fixed or off");
    }

    @Test
    void sourceReadsMemTotalOnceAndReportsConstantLabelledPower() throws IOException {
        Path meminfo = dir.resolve("meminfo");
        Files.writeString(meminfo, "MemTotal:       33554432 kB\nMemFree: 1 kB\n");
        RamEstimateSource src =
                RamEstimateSource.open(meminfo, RamPowerModel.DIMM_MODEL, Optional.empty(), false)
                        .orElseThrow();
        DeviceReading r = src.read().get(0);
        assertThat(r.device().component()).isEqualTo(Component.RAM_EST);
        assertThat(r.device().method()).isEqualTo(Method.RAM_DIMM_MODEL);
        assertThat(r.device().estimated()).isTrue();
        assertThat(r.value()).hasValue(20.0);
        assertThat(RamEstimateSource.memTotalGb(List.of("MemTotal: 1048576 kB"))).isEqualTo(1.0);
        assertThat(
                        RamEstimateSource.open(
                                dir.resolve("absent"),
                                RamPowerModel.PER_GB,
                                Optional.empty(),
                                false))
                .isEmpty();
        assertThat(
                        RamEstimateSource.open(
                                        dir.resolve("absent"),
                                        RamPowerModel.FIXED,
                                        Optional.of(12.0),
                                        false)
                                .orElseThrow()
                                .read()
                                .get(0)
                                .value())
                .hasValue(12.0);
    }
}
