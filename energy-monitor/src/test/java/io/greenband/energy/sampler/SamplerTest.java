package io.greenband.energy.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.ProcessUse;
import io.greenband.energy.source.SampleFlag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final ScriptedClock clock = new ScriptedClock();

    private Sampler sampler(ScriptedSource source, int ticksPerWindow, List<DeviceWindow> sink) {
        return Sampler.builder()
                .setSources(List.of(source))
                .optClock(clock)
                .optTickInterval(SECOND)
                .optTicksPerWindow(ticksPerWindow)
                .optSink(sink::addAll)
                .build();
    }

    private List<DeviceWindow> tickEverySecond(Sampler s, int n) {
        List<DeviceWindow> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.addAll(s.tick());
            clock.advance(SECOND);
        }
        return all;
    }

    @Test
    void counterDeltasBecomeWindowEnergyWithTotalsAndMeanPower() {
        DeviceInfo gpu = Devices.counterGpu("GPU-a");
        ScriptedSource src =
                new ScriptedSource(gpu)
                        .then(DeviceReading.of(gpu, 1000.0))
                        .then(DeviceReading.of(gpu, 1150.0))
                        .then(DeviceReading.of(gpu, 1400.0));
        List<DeviceWindow> sunk = new ArrayList<>();
        List<DeviceWindow> windows = tickEverySecond(sampler(src, 1, sunk), 3);

        assertThat(windows).hasSize(2);
        assertThat(sunk).isEqualTo(windows);
        DeviceWindow first = windows.get(0);
        assertThat(first.energyJoules()).isCloseTo(150.0, within(1e-9));
        assertThat(first.meanPowerWatts()).isCloseTo(150.0, within(1e-9));
        assertThat(first.counterStartJoules()).hasValue(1000.0);
        assertThat(first.counterEndJoules()).hasValue(1150.0);
        assertThat(first.seq()).isEqualTo(1);
        DeviceWindow second = windows.get(1);
        assertThat(second.energyJoules()).isCloseTo(250.0, within(1e-9));
        assertThat(second.cumulativeJoules()).isCloseTo(400.0, within(1e-9));
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.start()).isEqualTo(first.end());
        assertThat(second.durationNanos()).isEqualTo(SECOND.toNanos());
        assertThat(second.flags()).isEmpty();
    }

    @Test
    void windowTimestampsAreUtcFromMonotonicTime() {
        DeviceInfo gpu = Devices.counterGpu("GPU-a");
        ScriptedSource src =
                new ScriptedSource(gpu)
                        .then(DeviceReading.of(gpu, 0.0))
                        .then(DeviceReading.of(gpu, 5.0));
        Sampler s = sampler(src, 1, new ArrayList<>());
        List<DeviceWindow> w = tickEverySecond(s, 2);
        assertThat(w.get(0).start()).isEqualTo(ScriptedClock.ANCHOR.plusSeconds(1));
        assertThat(w.get(0).end()).isEqualTo(ScriptedClock.ANCHOR.plusSeconds(2));
    }

    @Test
    void counterGoingBackwardsIsAResetNeverNegativeEnergy() {
        DeviceInfo gpu = Devices.counterGpu("GPU-a");
        ScriptedSource src =
                new ScriptedSource(gpu)
                        .then(DeviceReading.of(gpu, 5000.0))
                        .then(DeviceReading.of(gpu, 5100.0))
                        .then(DeviceReading.of(gpu, 20.0))
                        .then(DeviceReading.of(gpu, 70.0));
        List<DeviceWindow> w = tickEverySecond(sampler(src, 1, new ArrayList<>()), 4);

        assertThat(w).extracting(DeviceWindow::energyJoules).containsExactly(100.0, 0.0, 50.0);
        assertThat(w.get(1).flags()).contains(SampleFlag.RESET);
        assertThat(w.get(2).flags()).doesNotContain(SampleFlag.RESET);
        assertThat(w.get(2).cumulativeJoules()).isEqualTo(150.0);
    }

    @Test
    void implausiblePowerIsDroppedAndFlagged() {
        DeviceInfo gpu = Devices.counterGpu("GPU-a");
        ScriptedSource src =
                new ScriptedSource(gpu)
                        .then(DeviceReading.of(gpu, 0.0))
                        .then(DeviceReading.of(gpu, 10_000.0))
                        .then(DeviceReading.of(gpu, 10_200.0));
        List<DeviceWindow> w = tickEverySecond(sampler(src, 1, new ArrayList<>()), 3);
        assertThat(w.get(0).energyJoules()).isZero();
        assertThat(w.get(0).flags()).contains(SampleFlag.IMPLAUSIBLE);
        assertThat(w.get(1).energyJoules()).isEqualTo(200.0);
    }

    @Test
    void meanPowerTimesIntervalIgnoringTheBaselineValue() {
        DeviceInfo cpu = Devices.estimatedCpu();
        ScriptedSource src =
                new ScriptedSource(cpu)
                        .then(DeviceReading.of(cpu, 999.0))
                        .then(DeviceReading.of(cpu, 40.0))
                        .then(DeviceReading.of(cpu, 60.0));
        List<DeviceWindow> w = tickEverySecond(sampler(src, 1, new ArrayList<>()), 3);
        assertThat(w).extracting(DeviceWindow::energyJoules).containsExactly(40.0, 60.0);
        assertThat(w.get(0).estimated()).isTrue();
    }

    @Test
    void lateTickIsFlaggedGapButEnergyStaysRight() {
        DeviceInfo gpu = Devices.counterGpu("GPU-a");
        ScriptedSource src =
                new ScriptedSource(gpu)
                        .then(DeviceReading.of(gpu, 0.0))
                        .then(DeviceReading.of(gpu, 500.0));
        Sampler s = sampler(src, 1, new ArrayList<>());
        s.tick();
        clock.advance(Duration.ofSeconds(5));
        DeviceWindow w = s.tick().get(0);
        assertThat(w.flags()).contains(SampleFlag.GAP);
        assertThat(w.energyJoules()).isEqualTo(500.0);
        assertThat(w.meanPowerWatts()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void windowsSpanSeveralTicksAndCollectUtilizationAndProcesses() {
        DeviceInfo gpu = Devices.counterGpu("GPU-a");
        ProcessUse p1 = new ProcessUse(11, OptionalLong.of(1 << 20));
        ProcessUse p2 = new ProcessUse(22, OptionalLong.empty());
        ScriptedSource src =
                new ScriptedSource(gpu)
                        .then(
                                DeviceReading.of(gpu, 0.0)
                                        .withUtilization(OptionalDouble.of(10))
                                        .withProcesses(List.of(p1)))
                        .then(
                                DeviceReading.of(gpu, 100.0)
                                        .withUtilization(OptionalDouble.of(30))
                                        .withProcesses(List.of(p1, p2)))
                        .then(DeviceReading.of(gpu, 300.0).withUtilization(OptionalDouble.of(50)));
        List<DeviceWindow> w = tickEverySecond(sampler(src, 3, new ArrayList<>()), 3);
        assertThat(w).hasSize(1);
        DeviceWindow win = w.get(0);
        assertThat(win.energyJoules()).isEqualTo(300.0);
        assertThat(win.intervals()).isEqualTo(2);
        assertThat(win.durationNanos()).isEqualTo(2 * SECOND.toNanos());
        assertThat(win.utilizationPct()).hasValue(30.0);
        assertThat(win.processes()).extracting(ProcessUse::pid).containsExactly(11L, 22L);
    }

    @Test
    void sumOfWindowEnergiesEqualsCounterAdvance() {
        DeviceInfo gpu = Devices.counterGpu("GPU-a");
        SplittableRandom rnd = new SplittableRandom(42);
        ScriptedSource src = new ScriptedSource(gpu);
        double[] counters = new double[200];
        counters[0] = 123_456.789;
        for (int i = 0; i < counters.length; i++) {
            if (i > 0) {
                counters[i] = counters[i - 1] + rnd.nextDouble(0, 400);
            }
            src.then(DeviceReading.of(gpu, counters[i]));
        }
        List<DeviceWindow> all = new ArrayList<>();
        Sampler s = sampler(src, 7, all);
        for (int i = 0; i < counters.length; i++) {
            s.tick();
            clock.advance(Duration.ofMillis(1000 + rnd.nextInt(1000)));
        }
        s.flush();
        double sum = all.stream().mapToDouble(DeviceWindow::energyJoules).sum();
        double advance = counters[counters.length - 1] - counters[0];
        assertThat(sum).isCloseTo(advance, within(1e-6));
        DeviceWindow end = all.get(all.size() - 1);
        assertThat(end.cumulativeJoules()).isCloseTo(advance, within(1e-6));
        assertThat(end.counterEndJoules()).hasValue(counters[counters.length - 1]);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).start()).isEqualTo(all.get(i - 1).end());
            assertThat(all.get(i).seq()).isEqualTo(all.get(i - 1).seq() + 1);
            assertThat(all.get(i).counterStartJoules())
                    .isEqualTo(all.get(i - 1).counterEndJoules());
        }
    }

    @Test
    void methodSwitchRebaselinesInsteadOfMixingUnits() {
        DeviceInfo counter = Devices.counterGpu("GPU-a");
        DeviceInfo power = Devices.powerGpu("GPU-a");
        ScriptedSource src =
                new ScriptedSource(counter)
                        .then(DeviceReading.of(counter, 90_000.0))
                        .then(DeviceReading.of(power, 0.0))
                        .then(DeviceReading.of(power, 150.0));
        List<DeviceWindow> w = tickEverySecond(sampler(src, 1, new ArrayList<>()), 3);
        // The switching tick only re-baselines: the integrated counter restarts at 0, which is no
        // reset.
        assertThat(w).extracting(DeviceWindow::energyJoules).containsExactly(150.0);
        assertThat(w.get(0).device().method()).isEqualTo(power.method());
        assertThat(w.get(0).counterStartJoules()).hasValue(0.0);
        assertThat(w.get(0).flags()).doesNotContain(SampleFlag.RESET);
    }

    @Test
    void lostDeviceGetsALastFlaggedWindowThenDisappears() {
        DeviceInfo gpu = Devices.counterGpu("GPU-a");
        ScriptedSource src =
                new ScriptedSource(gpu)
                        .then(DeviceReading.of(gpu, 0.0))
                        .then(DeviceReading.of(gpu, 100.0))
                        .then(DeviceReading.missing(gpu, Set.of(SampleFlag.DEVICE_LOST)))
                        .then();
        List<DeviceWindow> w = tickEverySecond(sampler(src, 1, new ArrayList<>()), 4);
        assertThat(w).hasSize(2);
        assertThat(w.get(1).flags()).contains(SampleFlag.DEVICE_LOST, SampleFlag.NO_DATA);
        assertThat(w.get(1).energyJoules()).isZero();
    }

    @Test
    void aThrowingSourceDoesNotStopTheOthers() {
        DeviceInfo gpu = Devices.counterGpu("GPU-a");
        ScriptedSource bad =
                new ScriptedSource()
                        .thenThrow(new IllegalStateException("boom"))
                        .thenThrow(new IllegalStateException("boom"));
        ScriptedSource good =
                new ScriptedSource(gpu)
                        .then(DeviceReading.of(gpu, 0.0))
                        .then(DeviceReading.of(gpu, 7.0));
        Sampler s = Sampler.builder().setSources(List.of(bad, good)).optClock(clock).build();
        s.tick();
        clock.advance(SECOND);
        assertThat(s.tick()).extracting(DeviceWindow::energyJoules).containsExactly(7.0);
    }

    @Test
    void builderNamesTheMissingOrBadField() {
        assertThatThrownBy(() -> Sampler.builder().build()).hasMessageContaining("setSources");
        assertThatThrownBy(
                        () -> Sampler.builder().setSources(List.of()).optTicksPerWindow(0).build())
                .hasMessageContaining("ticksPerWindow");
        assertThatThrownBy(
                        () ->
                                Sampler.builder()
                                        .setSources(List.of())
                                        .optTickInterval(Duration.ZERO)
                                        .build())
                .hasMessageContaining("tickInterval");
    }

    @Test
    void loopClosesSourcesAndFlushesOnClose() {
        DeviceInfo gpu = Devices.counterGpu("GPU-a");
        ScriptedSource src =
                new ScriptedSource(gpu)
                        .then(DeviceReading.of(gpu, 0.0))
                        .then(DeviceReading.of(gpu, 3.0));
        List<DeviceWindow> sunk = new ArrayList<>();
        Sampler s = sampler(src, 100, sunk);
        List<Runnable> scheduled = new ArrayList<>();
        SamplerLoop loop =
                new SamplerLoop(
                        s,
                        (period, task) -> {
                            scheduled.add(task);
                            return () -> {};
                        });
        loop.start();
        scheduled.get(0).run();
        clock.advance(SECOND);
        scheduled.get(0).run();
        assertThat(sunk).isEmpty();
        loop.close();
        assertThat(sunk).extracting(DeviceWindow::energyJoules).containsExactly(3.0);
        assertThat(src.closed()).isTrue();
        assertThat(loop.running()).isFalse();
    }
}
