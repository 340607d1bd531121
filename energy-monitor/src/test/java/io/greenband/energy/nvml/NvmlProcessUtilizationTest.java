package io.greenband.energy.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenband.energy.sampler.DeviceWindow;
import io.greenband.energy.sampler.Sampler;
import io.greenband.energy.sampler.ScriptedClock;
import io.greenband.energy.source.ProcessUse;
import io.greenband.energy.usage.ProcessTable;
import io.greenband.energy.usage.UsageTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-process SM utilization through the real JNA binding and the fake libnvidia-ml built from
 * src/test/c.
 */
class NvmlProcessUtilizationTest {

    private static Map<Long, ProcessUse> byPid(List<ProcessUse> procs) {
        return procs.stream().collect(Collectors.toMap(ProcessUse::pid, Function.identity()));
    }

    @Test
    void sampleStructMatchesTheLayoutOfNvmlH() {
        NvmlProcessUtilization u = new NvmlProcessUtilization();
        assertThat(u.size()).isEqualTo(32);
        assertThat(u.offsetOf("timeStamp")).isEqualTo(8);
        assertThat(u.offsetOf("smUtil")).isEqualTo(16);
        assertThat(u.offsetOf("decUtil")).isEqualTo(28);
    }

    @Test
    void eachProcessGetsTheMeanOfItsNewSamplesAndUnsampledOnesZero() {
        FakeNvml fake = FakeNvml.withDevices(1);
        fake.fake_nvml_set_process(0, 0, 4001, 1_048_576L);
        fake.fake_nvml_set_process(0, 1, 4002, 1_048_576L);
        fake.fake_nvml_set_process(0, 2, 4003, 1_048_576L);
        fake.fake_nvml_add_process_util(0, 4001, 100, 60);
        fake.fake_nvml_add_process_util(0, 4001, 200, 80);
        fake.fake_nvml_add_process_util(0, 4002, 150, 20);
        // A pid sampled but holding no compute context (a graphics context) is still listed.
        fake.fake_nvml_add_process_util(0, 4100, 150, 10);
        try (NvmlSource src = NvmlSource.open(FakeNvml.path())) {
            Map<Long, ProcessUse> first = byPid(src.read().get(0).processes());
            assertThat(first.get(4001L).smUtilPct()).hasValue(70.0);
            assertThat(first.get(4002L).smUtilPct()).hasValue(20.0);
            assertThat(first.get(4003L).smUtilPct()).hasValue(0.0);
            assertThat(first.get(4100L).smUtilPct()).hasValue(10.0);
            // Only samples newer than the last one seen count in the next tick; none at all is
            // NOT_FOUND, i.e. idle.
            fake.fake_nvml_add_process_util(0, 4002, 300, 90);
            Map<Long, ProcessUse> second = byPid(src.read().get(0).processes());
            assertThat(second.get(4001L).smUtilPct()).hasValue(0.0);
            assertThat(second.get(4002L).smUtilPct()).hasValue(90.0);
            Map<Long, ProcessUse> third = byPid(src.read().get(0).processes());
            assertThat(third.values()).allSatisfy(p -> assertThat(p.smUtilPct()).hasValue(0.0));
        }
    }

    @Test
    void notSupportedLeavesProcessesWithoutUtilizationAndIsNotAskedAgain() {
        FakeNvml fake = FakeNvml.withDevices(1);
        fake.fake_nvml_set_process(0, 0, 4001, 1_048_576L);
        fake.fake_nvml_add_process_util(0, 4001, 100, 60);
        fake.fake_nvml_set_rc(0, "putil", NvmlReturn.NOT_SUPPORTED.code());
        try (NvmlSource src = NvmlSource.open(FakeNvml.path())) {
            assertThat(src.read().get(0).processes())
                    .singleElement()
                    .satisfies(p -> assertThat(p.smUtilPct()).isEmpty());
            fake.fake_nvml_set_rc(0, "putil", 0);
            // Dropped for good: the even split stays consistent for the life of the monitor.
            assertThat(src.read().get(0).processes())
                    .singleElement()
                    .satisfies(p -> assertThat(p.smUtilPct()).isEmpty());
            assertThat(src.read().get(0).value()).isPresent();
        }
    }

    @Test
    void aWindowCarriesEachProcessMeanOverItsTicks() {
        FakeNvml fake = FakeNvml.withDevices(1);
        fake.fake_nvml_set_energy(0, 1_000);
        fake.fake_nvml_set_process(0, 0, 4001, 1L);
        fake.fake_nvml_set_process(0, 1, 4002, 1L);
        ScriptedClock clock = new ScriptedClock();
        List<DeviceWindow> windows = new ArrayList<>();
        long ts = 1;
        try (NvmlSource src = NvmlSource.open(FakeNvml.path(), () -> 0L, Duration.ZERO)) {
            Sampler s =
                    Sampler.builder()
                            .setSources(List.of(src))
                            .optClock(clock)
                            .optTicksPerWindow(4)
                            .optSink(windows::addAll)
                            .build();
            for (int i = 0; i < 12; i++) {
                // 4001 works every tick at 60 %, 4002 every other tick at 40 %.
                fake.fake_nvml_add_process_util(0, 4001, ts++, 60);
                if (i % 2 == 1) {
                    fake.fake_nvml_add_process_util(0, 4002, ts++, 40);
                }
                s.tick();
                clock.advance(Duration.ofSeconds(1));
                fake.fake_nvml_set_energy(0, 1_000 + 50_000L * (i + 1));
            }
        }
        assertThat(windows).hasSizeGreaterThanOrEqualTo(2);
        Map<Long, ProcessUse> procs = byPid(windows.get(0).processes());
        assertThat(procs.get(4001L).smUtilPct().getAsDouble()).isCloseTo(60.0, within(1e-9));
        assertThat(procs.get(4002L).smUtilPct().getAsDouble()).isCloseTo(20.0, within(1e-9));
    }

    @TempDir Path proc;

    private void process(long pid, long ppid) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        StringBuilder f = new StringBuilder(pid + " (p" + pid + ") S " + ppid);
        for (int field = 5; field <= 24; field++) {
            f.append(" 1");
        }
        Files.writeString(dir.resolve("stat"), f.append(" 0 0 0\n").toString());
    }

    @Test
    void aGpuWindowTracesEachProcessToItsAncestorsThroughTheProcessTable() throws IOException {
        Files.writeString(proc.resolve("stat"), "cpu  100 0 0 5000 0 0 0 0\ncpu0 1 0 0 0\n");
        Files.writeString(
                proc.resolve("meminfo"),
                "MemTotal:       8000000 kB\nMemAvailable:   6000000 kB\n");
        process(1, 0);
        process(2001, 1);
        process(2500, 2001);
        process(3001, 2500);
        process(3999, 1);
        FakeNvml fake = FakeNvml.withDevices(1);
        fake.fake_nvml_set_energy(0, 1_000);
        fake.fake_nvml_set_process(0, 0, 3001, 1L);
        fake.fake_nvml_set_process(0, 1, 3999, 1L);
        ScriptedClock clock = new ScriptedClock();
        List<DeviceWindow> windows = new ArrayList<>();
        try (NvmlSource src = NvmlSource.open(FakeNvml.path(), () -> 0L, Duration.ZERO)) {
            Sampler s =
                    Sampler.builder()
                            .setSources(List.of(src))
                            .optClock(clock)
                            .optTicksPerWindow(2)
                            .optUsage(new UsageTracker(new ProcessTable(proc), 256))
                            .optSink(windows::addAll)
                            .build();
            for (int i = 0; i < 5; i++) {
                fake.fake_nvml_add_process_util(0, 3001, i + 1, 50);
                s.tick();
                clock.advance(Duration.ofSeconds(1));
                fake.fake_nvml_set_energy(0, 1_000 + 10_000L * (i + 1));
            }
        }
        assertThat(windows).isNotEmpty();
        Map<Long, ProcessUse> procs = byPid(windows.get(0).processes());
        assertThat(procs.get(3001L).ancestors()).containsExactly(2500L, 2001L, 1L);
        assertThat(procs.get(3999L).ancestors()).containsExactly(1L);
        assertThat(procs.get(3001L).smUtilPct()).hasValue(50.0);
    }
}
