package io.greenband.energy.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.EnergySource;
import io.greenband.energy.source.SourceKind;
import io.greenband.energy.source.SourceStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SamplerCpuProbeTest {

    @Test
    void measuresTicksAndCpuTimeOfARealSchedule() {
        AtomicInteger reads = new AtomicInteger();
        DeviceInfo gpu = Devices.counterGpu("GPU-x");
        EnergySource counting =
                new EnergySource() {
                    @Override
                    public SourceStatus status() {
                        return new SourceStatus(SourceKind.NVML, true, List.of(gpu), "counting");
                    }

                    @Override
                    public List<DeviceReading> read() {
                        return List.of(DeviceReading.of(gpu, reads.incrementAndGet()));
                    }

                    @Override
                    public void close() {}
                };
        CpuCost cost =
                SamplerCpuProbe.measure(
                        interval ->
                                Sampler.builder()
                                        .setSources(List.of(counting))
                                        .optTickInterval(interval)
                                        .build(),
                        50,
                        Duration.ofMillis(300));
        assertThat(cost.ticks()).isPositive().isEqualTo(reads.get());
        assertThat(cost.cpuNanos()).isPositive();
        assertThat(cost.shareOfOneCore()).isBetween(0.0, 1.0);
        assertThat(cost.cpuMicrosPerTick()).isPositive();
    }
}
