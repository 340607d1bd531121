package io.greenband.energy.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenband.energy.sampler.DeviceWindow;
import io.greenband.energy.sampler.Sampler;
import io.greenband.energy.sampler.ScriptedClock;
import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.Method;
import io.greenband.energy.source.ProcessUse;
import io.greenband.energy.source.SampleFlag;
import io.greenband.energy.source.SourceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The real JNA binding against the fake libnvidia-ml built from src/test/c. */
class NvmlSourceTest {

    private static final String UUID0 = "GPU-00000000-fake-0000-0000-000000000000";
    private static final String UUID1 = "GPU-00000000-fake-0000-0000-000000000001";

    @Test
    void discoversDevicesByUuidAndReadsTheEnergyCounter() {
        FakeNvml fake = FakeNvml.withDevices(2);
        fake.fake_nvml_set_energy(0, 5_000);
        fake.fake_nvml_set_energy(1, 70_000);
        try (NvmlSource src = NvmlSource.open(FakeNvml.path())) {
            SourceStatus status = src.status();
            assertThat(status.available()).isTrue();
            assertThat(status.detail()).contains("999.99.99-fake");
            assertThat(status.devices()).extracting(DeviceInfo::id).containsExactly(UUID0, UUID1);
            DeviceInfo d0 = status.devices().get(0);
            assertThat(d0.method()).isEqualTo(Method.NVML_ENERGY_COUNTER);
            assertThat(d0.name()).isEqualTo("Fake GPU 0");
            assertThat(d0.powerLimitWatts()).hasValue(300.0);

            List<DeviceReading> r = src.read();
            assertThat(r.get(0).value()).hasValue(5.0);
            assertThat(r.get(1).value()).hasValue(70.0);
            assertThat(r.get(0).powerWatts()).hasValue(100.0);
            assertThat(r.get(0).utilizationPct()).hasValue(50.0);
        }
        assertThat(fake.fake_nvml_shutdown_calls()).isEqualTo(1);
    }

    @Test
    void processesComeBackWithPidsAndMemoryThroughThe24ByteStruct() {
        FakeNvml fake = FakeNvml.withDevices(1);
        for (int i = 0; i < 10; i++) {
            fake.fake_nvml_set_process(0, i, 4000 + i, (i + 1) * 1_048_576L);
        }
        fake.fake_nvml_set_process(0, 10, 5000, -1L);
        try (NvmlSource src = NvmlSource.open(FakeNvml.path())) {
            List<ProcessUse> procs = src.read().get(0).processes();
            assertThat(procs).hasSize(11);
            // The fake samples no process utilization: NOT_FOUND, so every listed process was idle
            // (0 %).
            assertThat(procs.get(0))
                    .isEqualTo(new ProcessUse(4000, OptionalLong.of(1_048_576L)).withSmUtil(0));
            assertThat(procs.get(9))
                    .isEqualTo(
                            new ProcessUse(4009, OptionalLong.of(10 * 1_048_576L)).withSmUtil(0));
            assertThat(procs.get(10))
                    .isEqualTo(new ProcessUse(5000, OptionalLong.empty()).withSmUtil(0));
            fake.fake_nvml_clear_processes(0);
            assertThat(src.read().get(0).processes()).isEmpty();
        }
    }

    /** Scripted monotonic time for power integration. */
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

    private NvmlSource openScripted() {
        return NvmlSource.open(FakeNvml.path(), nanos::get, Duration.ZERO);
    }

    @Test
    void unsupportedCounterAtDiscoveryMeansPowerIntegratedIntoACounter() {
        FakeNvml fake = FakeNvml.withDevices(1);
        fake.fake_nvml_set_rc(0, "energy", NvmlReturn.NOT_SUPPORTED.code());
        fake.fake_nvml_set_power(0, 250_000);
        try (NvmlSource src = openScripted()) {
            assertThat(src.status().devices().get(0).method())
                    .isEqualTo(Method.NVML_POWER_INTEGRATION);
            DeviceReading r = src.read().get(0);
            assertThat(r.value()).hasValue(0.0);
            assertThat(r.powerWatts()).hasValue(250.0);
            assertThat(r.flags()).isEmpty();
            nanos.addAndGet(1_000_000_000L);
            assertThat(src.read().get(0).value()).hasValue(250.0);
            fake.fake_nvml_set_power(0, 150_000);
            nanos.addAndGet(2_000_000_000L);
            assertThat(src.read().get(0).value()).hasValue(250.0 + (250.0 + 150.0) / 2 * 2);
        }
    }

    @Test
    void thePollerIntegratesPowerBetweenTicks() throws InterruptedException {
        FakeNvml fake = FakeNvml.withDevices(1);
        fake.fake_nvml_set_rc(0, "energy", NvmlReturn.NOT_SUPPORTED.code());
        try (NvmlSource src =
                NvmlSource.open(FakeNvml.path(), System::nanoTime, Duration.ofMillis(10))) {
            src.read();
            int before = fake.fake_nvml_power_calls();
            for (int i = 0; i < 500 && fake.fake_nvml_power_calls() < before + 5; i++) {
                Thread.sleep(10);
            }
            assertThat(fake.fake_nvml_power_calls()).isGreaterThanOrEqualTo(before + 5);
            assertThat(src.read().get(0).value().getAsDouble()).isPositive();
        }
    }

    @Test
    void counterTurningUnsupportedLaterSwitchesToPowerWithoutStopping() {
        FakeNvml fake = FakeNvml.withDevices(1);
        fake.fake_nvml_set_energy(0, 1_000);
        try (NvmlSource src = openScripted()) {
            assertThat(src.read().get(0).device().method()).isEqualTo(Method.NVML_ENERGY_COUNTER);
            fake.fake_nvml_set_rc(0, "energy", NvmlReturn.NOT_SUPPORTED.code());
            DeviceReading r = src.read().get(0);
            assertThat(r.device().method()).isEqualTo(Method.NVML_POWER_INTEGRATION);
            assertThat(r.value()).hasValue(0.0);
            nanos.addAndGet(500_000_000L);
            assertThat(src.read().get(0).value()).hasValue(50.0);
            assertThat(src.status().devices().get(0).method())
                    .isEqualTo(Method.NVML_POWER_INTEGRATION);
        }
    }

    @Test
    void unsupportedOptionalQueriesAreDroppedNotFatal() {
        FakeNvml fake = FakeNvml.withDevices(1);
        fake.fake_nvml_set_rc(0, "util", NvmlReturn.NOT_SUPPORTED.code());
        fake.fake_nvml_set_rc(0, "procs", NvmlReturn.NOT_SUPPORTED.code());
        fake.fake_nvml_set_energy(0, 2_000);
        try (NvmlSource src = NvmlSource.open(FakeNvml.path())) {
            DeviceReading r = src.read().get(0);
            assertThat(r.value()).hasValue(2.0);
            assertThat(r.utilizationPct()).isEmpty();
            assertThat(r.processes()).isEmpty();
            assertThat(r.flags()).isEmpty();
        }
    }

    @Test
    void noPermissionOnAHandleSkipsThatDeviceOnly() {
        FakeNvml fake = FakeNvml.withDevices(2);
        fake.fake_nvml_set_rc(0, "handle", NvmlReturn.NO_PERMISSION.code());
        try (NvmlSource src = NvmlSource.open(FakeNvml.path())) {
            assertThat(src.status().devices()).extracting(DeviceInfo::id).containsExactly(UUID1);
            assertThat(src.read()).hasSize(1);
        }
    }

    @Test
    void noPermissionOnTheCounterFlagsTheReading() {
        FakeNvml fake = FakeNvml.withDevices(1);
        try (NvmlSource src = NvmlSource.open(FakeNvml.path())) {
            fake.fake_nvml_set_rc(0, "energy", NvmlReturn.NO_PERMISSION.code());
            DeviceReading r = src.read().get(0);
            assertThat(r.hasValue()).isFalse();
            assertThat(r.flags()).contains(SampleFlag.PERMISSION_DENIED, SampleFlag.NO_DATA);
            fake.fake_nvml_set_rc(0, "energy", 0);
            assertThat(src.read().get(0).hasValue()).isTrue();
        }
    }

    @Test
    void lostGpuIsReportedOnceThenNoLongerSampled() {
        FakeNvml fake = FakeNvml.withDevices(2);
        try (NvmlSource src = NvmlSource.open(FakeNvml.path())) {
            fake.fake_nvml_set_rc(0, "energy", NvmlReturn.GPU_IS_LOST.code());
            List<DeviceReading> first = src.read();
            assertThat(first.get(0).flags()).contains(SampleFlag.DEVICE_LOST);
            assertThat(first.get(1).hasValue()).isTrue();
            List<DeviceReading> next = src.read();
            assertThat(next).extracting(r -> r.device().id()).containsExactly(UUID1);
            assertThat(src.status().devices()).extracting(DeviceInfo::id).containsExactly(UUID1);
        }
    }

    @Test
    void migGpuSkipsUtilization() {
        FakeNvml fake = FakeNvml.withDevices(1);
        fake.fake_nvml_set_mig(0, 1);
        try (NvmlSource src = NvmlSource.open(FakeNvml.path())) {
            assertThat(src.read().get(0).utilizationPct()).isEmpty();
        }
    }

    @Test
    void missingLibraryGivesAnUnavailableSourceNotAnException() {
        try (NvmlSource src = NvmlSource.open("/nonexistent/libnvidia-ml.so.1")) {
            assertThat(src.status().available()).isFalse();
            assertThat(src.status().detail())
                    .contains("not loadable")
                    .contains("/nonexistent/libnvidia-ml.so.1");
            assertThat(src.read()).isEmpty();
        }
    }

    @Test
    void failingInitGivesAnUnavailableSource() {
        FakeNvml fake = FakeNvml.withDevices(1);
        fake.fake_nvml_set_init_rc(NvmlReturn.DRIVER_NOT_LOADED.code());
        try (NvmlSource src = NvmlSource.open(FakeNvml.path())) {
            assertThat(src.status().available()).isFalse();
            assertThat(src.status().detail())
                    .contains("DRIVER_NOT_LOADED")
                    .contains("Driver Not Loaded");
            assertThat(src.read()).isEmpty();
        }
        assertThat(fake.fake_nvml_shutdown_calls()).isZero();
    }

    @Test
    void windowEnergiesAddUpToTheCounterAdvanceThroughTheRealBinding() {
        FakeNvml fake = FakeNvml.withDevices(1);
        ScriptedClock clock = new ScriptedClock();
        List<DeviceWindow> windows = new ArrayList<>();
        long counter = 1_234_567;
        fake.fake_nvml_set_energy(0, counter);
        long start = counter;
        try (NvmlSource src = NvmlSource.open(FakeNvml.path())) {
            Sampler s =
                    Sampler.builder()
                            .setSources(List.of(src))
                            .optClock(clock)
                            .optTicksPerWindow(3)
                            .optSink(windows::addAll)
                            .build();
            for (int i = 0; i < 30; i++) {
                s.tick();
                clock.advance(Duration.ofSeconds(1));
                counter += 50_000 + 7_919L * (i % 5);
                fake.fake_nvml_set_energy(0, counter);
            }
            s.tick();
            s.flush();
        }
        double sum = windows.stream().mapToDouble(DeviceWindow::energyJoules).sum();
        assertThat(sum).isCloseTo((counter - start) / 1000.0, within(1e-6));
        assertThat(windows.get(windows.size() - 1).counterEndJoules()).hasValue(counter / 1000.0);
        assertThat(windows).allSatisfy(w -> assertThat(w.device().id()).isEqualTo(UUID0));
    }
}
