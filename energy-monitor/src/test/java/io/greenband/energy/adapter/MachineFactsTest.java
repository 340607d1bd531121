package io.greenband.energy.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.energy.adapter.messaging.EnergySampleMapper;
import io.greenband.energy.adapter.messaging.Incarnation;
import io.greenband.energy.node.MachineFacts;
import io.greenband.energy.node.NodeIdentity;
import io.greenband.energy.sampler.DeviceWindow;
import io.greenband.energy.sampler.Devices;
import io.greenband.energy.sampler.ScriptedClock;
import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.SampleFlag;
import io.greenband.events.EventType;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.HostFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor learns what its machine is and every sample tells it, within the event's bounds. */
class MachineFactsTest {

    private final EventCodec codec =
            EventCodec.builder()
                    .setSource("/greenband/energy-monitor")
                    .optValidateOnEncode(true)
                    .build();

    private static DeviceWindow window(DeviceInfo d) {
        return new DeviceWindow(
                d,
                1,
                ScriptedClock.ANCHOR,
                ScriptedClock.ANCHOR.plusSeconds(1),
                1_000_000_000L,
                5,
                5,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                5,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                List.of(),
                EnumSet.noneOf(SampleFlag.class),
                1,
                0);
    }

    @Test
    void readsTheMachineFromItsFiles(@TempDir Path dir) throws Exception {
        Path cpuinfo =
                Files.write(
                        dir.resolve("cpuinfo"),
                        List.of(
                                "processor : 0",
                                "model name : Test CPU 3000",
                                "physical id : 0",
                                "",
                                "processor : 1",
                                "model name : Test CPU 3000",
                                "physical id : 0"));
        Path meminfo = Files.write(dir.resolve("meminfo"), List.of("MemTotal:  2097152 kB"));
        Path osRelease =
                Files.write(
                        dir.resolve("os-release"),
                        List.of(
                                "NAME=\"Debian GNU/Linux\"",
                                "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\""));
        MachineFacts f =
                MachineFacts.read(cpuinfo, meminfo, osRelease, Optional.of("FR"), Optional.of(" "));
        assertThat(f.cpuModel()).isEqualTo("Test CPU 3000");
        assertThat(f.cpuCount()).hasValue(2);
        assertThat(f.memTotalBytes()).hasValue(2L << 30);
        assertThat(f.os())
                .contains(System.getProperty("os.name"))
                .endsWith("(Debian GNU/Linux 12 (bookworm))");
        assertThat(f.country()).hasValue("FR");
        assertThat(f.region()).isEmpty();
        assertThat(f.gpuModel()).isEmpty();
        assertThat(f.withGpus(List.of("H100", "H100")).gpuModel()).isEqualTo("H100");
        assertThat(f.withGpus(List.of("H100", "A100", "H100")).gpuModel())
                .isEqualTo("2 x H100, 1 x A100");
        MachineFacts none =
                MachineFacts.read(
                        dir.resolve("x"),
                        dir.resolve("y"),
                        dir.resolve("z"),
                        Optional.empty(),
                        Optional.empty());
        assertThat(none.memTotalBytes()).isEmpty();
        assertThat(none.cpuModel()).isEmpty();
    }

    @Test
    void everySampleCarriesTheFactsWithTheGpusSeen() {
        MachineFacts facts =
                new MachineFacts(
                        "Linux 6.1",
                        "Test CPU 3000",
                        OptionalInt.of(16),
                        OptionalLong.of(64L << 30),
                        List.of(),
                        Optional.of("DE"),
                        Optional.of("Hesse"));
        EnergySampleMapper mapper =
                new EnergySampleMapper(new NodeIdentity("n", "h"), new Incarnation(1), facts);
        DeviceWindow cpu = window(Devices.estimatedCpu());
        EnergySample before = mapper.toEvent(cpu);
        assertThat(before.machine())
                .isEqualTo(
                        new HostFacts(
                                "Linux 6.1",
                                "Test CPU 3000",
                                16,
                                64L << 30,
                                null,
                                null,
                                "DE",
                                "Hesse"));
        DeviceWindow gpu = window(Devices.counterGpu("GPU-1"));
        mapper.observe(List.of(cpu, gpu));
        EnergySample after = mapper.toEvent(cpu);
        assertThat(after.machine().gpuModel()).isEqualTo("test gpu");
        assertThat(after.machine().gpuCount()).isEqualTo(1);
        assertThat(codec.decodePayload(EventType.ENERGY_SAMPLE, codec.toJson(after)))
                .isEqualTo(after);
        // Without facts nothing is sent.
        assertThat(
                        new EnergySampleMapper(new NodeIdentity("n", "h"), new Incarnation(1))
                                .toEvent(cpu)
                                .machine())
                .isNull();
    }

    @Test
    void oddLocalFactsAreClippedToTheEventsBounds() {
        MachineFacts odd =
                new MachineFacts(
                        "x".repeat(1000),
                        "CPU\twith\0controls",
                        OptionalInt.of(1 << 20),
                        OptionalLong.of(Long.MAX_VALUE),
                        List.of(),
                        Optional.of("germany"),
                        Optional.of("r".repeat(100)));
        HostFacts h =
                new EnergySampleMapper(new NodeIdentity("n", "h"), new Incarnation(1), odd)
                        .machine();
        assertThat(h.os()).hasSize(HostFacts.MAX_TEXT);
        assertThat(h.cpuModel()).isEqualTo("CPU with controls");
        assertThat(h.cpuCount()).isEqualTo(HostFacts.MAX_CPUS);
        assertThat(h.memTotalBytes()).isNull();
        assertThat(h.countryIsoCode()).isNull();
        assertThat(h.region()).hasSize(HostFacts.MAX_REGION);
    }
}
