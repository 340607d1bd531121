package io.greenband.energy.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-process CPU-time and memory charge the command line and the benchmarks share. */
class ProcessEnergyModelTest {

    @Test
    void chargesCpuTimeAtTheMonitorsRateAndMemoryByItsShare() {
        ProcessEnergyModel e = new ProcessEnergyModel(new Tdp(8, "per-core"), 2, 10, 16e9);
        // The CPU-time model's busy share of 8 W (90 %) over 2 logical CPUs.
        assertThat(e.joulesPerCpuSecond()).isCloseTo(3.6, Offset.offset(1e-12));
        // 10 CPU-s at 3.6 J, plus 10 W x 1/16 of the memory x 20 s.
        assertThat(e.joules(10, 20, 1e9)).isCloseTo(36 + 12.5, Offset.offset(1e-9));
        // Memory is capped at the whole machine's, and costs nothing when its size is unknown.
        assertThat(e.joules(0, 1, 64e9)).isCloseTo(10, Offset.offset(1e-9));
        assertThat(new ProcessEnergyModel(new Tdp(8, "per-core"), 2, 10, 0).joules(0, 1, 1e9))
                .isZero();
        assertThat(ProcessEnergyModel.grams(3.6e6, 475)).isEqualTo(475.0);
        assertThatThrownBy(() -> new ProcessEnergyModel(new Tdp(8, "x"), 0, 1, 1))
                .hasMessageContaining("logicalCpus");
    }

    @Test
    void readsTheMachineFromCpuinfoAndMeminfo(@TempDir Path dir) throws Exception {
        Path cpuinfo = dir.resolve("cpuinfo");
        Path meminfo = dir.resolve("meminfo");
        Files.write(
                cpuinfo,
                List.of(
                        "processor : 0",
                        "model name : Unknown CPU 9000",
                        "physical id : 0",
                        "",
                        "processor : 1",
                        "model name : Unknown CPU 9000",
                        "physical id : 0"));
        Files.write(meminfo, List.of("MemTotal:        8388608 kB", "MemFree:  1 kB"));
        ProcessEnergyModel m = ProcessEnergyModel.of(cpuinfo, meminfo);
        assertThat(m.logicalCpus()).isEqualTo(2);
        assertThat(m.tdp().basis()).isEqualTo("per-core");
        assertThat(m.tdp().watts()).isEqualTo(2 * Tdp.WATTS_PER_LOGICAL_CPU);
        assertThat(m.memTotalBytes()).isEqualTo(8.0 * 1024 * 1024 * 1024);
        assertThat(m.ramWatts()).isEqualTo(RamPowerModel.DIMM_MODEL.watts(8, false, 0));
        ProcessEnergyModel none =
                ProcessEnergyModel.of(dir.resolve("absent"), dir.resolve("absent"));
        assertThat(none.memTotalBytes()).isZero();
        assertThat(none.logicalCpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void memInfoRefusesWhatItCannotBelieve() {
        assertThat(MemInfo.totalBytes(List.of("MemTotal: 1024 kB"))).hasValue(1024L * 1024);
        assertThat(MemInfo.totalBytes(List.of("MemTotal: lots kB"))).isEmpty();
        assertThat(MemInfo.totalBytes(List.of("MemTotal: 99999999999999999 kB"))).isEmpty();
        assertThat(MemInfo.totalBytes(List.of("MemFree: 1 kB"))).isEmpty();
    }
}
