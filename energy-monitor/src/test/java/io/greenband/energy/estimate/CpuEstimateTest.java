package io.greenband.energy.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.Method;
import io.greenband.energy.source.SampleFlag;
import io.greenband.energy.source.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuEstimateTest {

    @TempDir Path dir;

    private static String statLine(long user, long system, long idle, long iowait) {
        return "cpu  "
                + user
                + " 0 "
                + system
                + " "
                + idle
                + " "
                + iowait
                + " 0 0 0 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n";
    }

    @Test
    void procStatBusyExcludesIdleAndIowait() {
        CpuTimes t = CpuTimes.parse(List.of("cpu  100 5 20 300 10 1 2 3 7 0", "intr 1"));
        assertThat(t.busy()).isEqualTo(100 + 5 + 20 + 1 + 2 + 3);
        assertThat(t.total()).isEqualTo(t.busy() + 310);
        CpuTimes later = new CpuTimes(t.busy() + 30, t.total() + 40);
        assertThat(later.utilizationSince(t)).isEqualTo(0.75);
        assertThat(t.utilizationSince(t)).isZero();
        assertThatThrownBy(() -> CpuTimes.parse(List.of("intr 1"))).hasMessageContaining("'cpu '");
    }

    @Test
    void loadCurveRunsFromATenthAtIdleToFullTdp() {
        assertThat(CpuPowerModel.CPU_LOAD.watts(200, 0)).isCloseTo(20, within(1e-9));
        assertThat(CpuPowerModel.CPU_LOAD.watts(200, 1)).isCloseTo(200, within(1e-9));
        assertThat(CpuPowerModel.CPU_LOAD.watts(200, 0.5))
                .isCloseTo(200 * (0.1 + 0.9 * 0.125), within(1e-9));
        assertThat(CpuPowerModel.CONSTANT.watts(200, 0.9)).isEqualTo(100);
        assertThat(CpuPowerModel.parse("cpu-load")).isEqualTo(CpuPowerModel.CPU_LOAD);
        assertThatThrownBy(() -> CpuPowerModel.parse("magic"))
                .hasMessageContaining("cpu_time, cpu_load or constant");
    }

    @Test
    void tdpComesFromConfigThenTableThenCoresThenDefault() {
        TdpTable table = TdpTable.bundled();
        assertThat(table.size()).isGreaterThan(10);
        CpuInfo epyc = new CpuInfo("AMD EPYC 7763 64-Core Processor", 2, 256);
        assertThat(Tdp.resolve(Optional.of(123.0), Optional.of(epyc), table))
                .isEqualTo(new Tdp(123, "configured"));
        assertThat(Tdp.resolve(Optional.empty(), Optional.of(epyc), table))
                .isEqualTo(new Tdp(560, "table"));
        CpuInfo xeon = new CpuInfo("Intel(R) Xeon(R) Platinum 8380 CPU @ 2.30GHz", 1, 80);
        assertThat(Tdp.resolve(Optional.empty(), Optional.of(xeon), table).watts()).isEqualTo(270);
        CpuInfo unknown = new CpuInfo("AMD EPYC", 1, 2);
        assertThat(Tdp.resolve(Optional.empty(), Optional.of(unknown), table))
                .isEqualTo(new Tdp(8, "per-core"));
        assertThat(Tdp.resolve(Optional.empty(), Optional.empty(), table))
                .isEqualTo(new Tdp(85, "default"));
    }

    @Test
    void longestTableModelWins() {
        TdpTable t =
                TdpTable.parse("model,tdp_watts\nIntel Core i7,50\nIntel Core i7-12700K,125\n");
        assertThat(t.lookup("12th Gen Intel(R) Core(TM) i7-12700K")).hasValue(125);
        assertThat(t.lookup("Intel Core i7-12700")).isEmpty();
        assertThatThrownBy(() -> TdpTable.parse("x,-1\n")).hasMessageContaining("line 1");
    }

    @Test
    void cpuinfoCountsSocketsAndLogicalCpus() {
        CpuInfo c =
                CpuInfo.parse(
                        List.of(
                                "processor : 0",
                                "model name : Foo",
                                "physical id : 0",
                                "processor : 1",
                                "model name : Foo",
                                "physical id : 1",
                                "processor : 2",
                                "physical id : 1"));
        assertThat(c).isEqualTo(new CpuInfo("Foo", 2, 3));
    }

    @Test
    void estimateSourceTurnsLoadIntoLabelledMeanPower() throws IOException {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, statLine(100, 0, 100, 0));
        CpuEstimateSource src =
                new CpuEstimateSource(
                        stat, CpuPowerModel.CPU_LOAD, new Tdp(100, "configured"), "X");
        assertThat(src.status().source()).isEqualTo(SourceKind.ESTIMATE);
        DeviceReading first = src.read().get(0);
        assertThat(first.device().estimated()).isTrue();
        assertThat(first.device().method()).isEqualTo(Method.CPU_LOAD_MODEL);
        assertThat(first.utilizationPct()).hasValue(50.0);
        Files.writeString(stat, statLine(200, 0, 100, 0));
        DeviceReading busy = src.read().get(0);
        assertThat(busy.value()).hasValue(100.0);
        assertThat(busy.utilizationPct()).hasValue(100.0);
        Files.writeString(stat, statLine(200, 0, 200, 0));
        assertThat(src.read().get(0).value()).hasValue(10.0);
        Files.delete(stat);
        assertThat(src.read().get(0).flags()).contains(SampleFlag.NO_DATA);
    }

    @Test
    void openReadsCpuinfoForTheTdp() throws IOException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(
                cpuinfo,
                "processor : 0\nmodel name : AMD EPYC 7742 64-Core Processor\nphysical id : 0\n");
        Path stat = dir.resolve("stat");
        Files.writeString(stat, statLine(1, 1, 1, 1));
        CpuEstimateSource src =
                CpuEstimateSource.open(stat, cpuinfo, CpuPowerModel.CONSTANT, Optional.empty());
        assertThat(src.tdp()).isEqualTo(new Tdp(225, "table"));
        assertThat(src.read().get(0).value()).hasValue(112.5);
        assertThat(src.status().devices().get(0).name()).contains("EPYC 7742").contains("225 W");
    }
}
