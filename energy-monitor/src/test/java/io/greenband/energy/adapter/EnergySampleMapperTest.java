package io.greenband.energy.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.energy.adapter.messaging.EnergySampleMapper;
import io.greenband.energy.adapter.messaging.Incarnation;
import io.greenband.energy.node.NodeIdentity;
import io.greenband.energy.sampler.DeviceWindow;
import io.greenband.energy.sampler.Devices;
import io.greenband.energy.sampler.ScriptedClock;
import io.greenband.energy.source.Component;
import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.Method;
import io.greenband.energy.source.ProcessUse;
import io.greenband.energy.source.SampleFlag;
import io.greenband.energy.source.SourceKind;
import io.greenband.energy.usage.WindowUsage;
import io.greenband.events.EventType;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.HostUsage;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class EnergySampleMapperTest {

    private final EnergySampleMapper mapper =
            new EnergySampleMapper(new NodeIdentity("node-a", "host-a"), new Incarnation(1_000L));
    private final EventCodec codec =
            EventCodec.builder()
                    .setSource("/greenband/energy-monitor")
                    .optValidateOnEncode(true)
                    .build();

    private static DeviceWindow window(
            DeviceInfo d,
            double joules,
            OptionalDouble c0,
            OptionalDouble c1,
            EnumSet<SampleFlag> flags) {
        return new DeviceWindow(
                d,
                3,
                ScriptedClock.ANCHOR,
                ScriptedClock.ANCHOR.plusSeconds(2),
                2_000_000_000L,
                joules,
                1000 + joules,
                c0,
                c1,
                joules / 2,
                OptionalDouble.of(joules),
                OptionalDouble.of(42),
                List.of(new ProcessUse(77, OptionalLong.of(2048))),
                flags,
                2,
                0);
    }

    @Test
    void aRestartedMonitorNeverRepeatsAnEarlierRunsSampleIdAndKeepsThemIncreasing() {
        DeviceInfo gpu = Devices.counterGpu("GPU-1");
        NodeIdentity node = new NodeIdentity("node-a", "host-a");
        Instant firstStart = Instant.parse("2026-12-07T16:00:00Z");
        EnergySampleMapper first = new EnergySampleMapper(node, Incarnation.startingAt(firstStart));
        // The second run starts one second later and numbers its windows from 1 again.
        EnergySampleMapper second =
                new EnergySampleMapper(node, Incarnation.startingAt(firstStart.plusSeconds(1)));
        EnergySample before =
                first.toEvent(
                        window(
                                gpu,
                                10,
                                OptionalDouble.empty(),
                                OptionalDouble.empty(),
                                EnumSet.noneOf(SampleFlag.class)));
        EnergySample after =
                second.toEvent(
                        window(
                                gpu,
                                10,
                                OptionalDouble.empty(),
                                OptionalDouble.empty(),
                                EnumSet.noneOf(SampleFlag.class)));
        assertThat(after.sampleId()).isNotEqualTo(before.sampleId());
        assertThat(after.seq()).isGreaterThan(before.seq());
    }

    @Test
    void gpuWindowBecomesAMeasuredSampleInMillijoules() {
        DeviceWindow w =
                window(
                        Devices.counterGpu("GPU-1"),
                        300,
                        OptionalDouble.of(10.0),
                        OptionalDouble.of(310.0),
                        EnumSet.of(SampleFlag.GAP, SampleFlag.RESET, SampleFlag.NO_DATA));
        EnergySample e = mapper.toEvent(w);
        assertThat(e.nodeId()).isEqualTo("node-a");
        assertThat(e.key()).isEqualTo("host-a/GPU-1");
        assertThat(e.component()).isEqualTo(EnergySample.Component.GPU);
        assertThat(e.method()).isEqualTo(EnergySample.Method.NVML_ENERGY_COUNTER);
        assertThat(e.estimated()).isFalse();
        assertThat(e.counterStart()).isEqualTo(10_000.0);
        assertThat(e.counterEnd()).isEqualTo(310_000.0);
        assertThat(e.counterUnit()).isEqualTo("mJ");
        assertThat(e.resetDetected()).isTrue();
        assertThat(e.flags()).containsExactly(EnergySample.Flag.GAP);
        assertThat(e.processes()).extracting(EnergySample.ProcessSeen::pid).containsExactly(77L);
        assertThat(e.powerLimitW()).isEqualTo(300.0);
        assertThat(e.seq()).isEqualTo(1_000L * Incarnation.WINDOWS_PER_MILLI + 3);
    }

    @Test
    void estimatedCpuValidatesAgainstTheSchemaAndCarriesCloudEventsHeaders() {
        DeviceWindow w =
                window(
                        Devices.estimatedCpu(),
                        50,
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        EnumSet.noneOf(SampleFlag.class));
        EnergySample e = mapper.toEvent(w);
        assertThat(e.estimated()).isTrue();
        assertThat(e.method()).isEqualTo(EnergySample.Method.CPU_LOAD_MODEL);
        assertThat(e.deviceIndex()).isNull();
        assertThat(e.counterUnit()).isNull();
        ProducerRecord<String, byte[]> record = codec.toRecord(e);
        assertThat(record.topic()).isEqualTo("energy-sample");
        assertThat(record.key()).isEqualTo("host-a/cpu");
        Header type = record.headers().lastHeader("ce_type");
        assertThat(new String(type.value())).isEqualTo(EventType.ENERGY_SAMPLE.ceType());
        ReceivedEvent back = codec.decode(record.headers(), record.value());
        assertThat(back.payload()).isEqualTo(e);
    }

    @Test
    void powerIntegrationPublishesNoCounter() {
        EnergySample e =
                mapper.toEvent(
                        window(
                                Devices.powerGpu("GPU-2"),
                                10,
                                OptionalDouble.of(0.0),
                                OptionalDouble.of(10.0),
                                EnumSet.noneOf(SampleFlag.class)));
        assertThat(e.method()).isEqualTo(EnergySample.Method.NVML_POWER_INTEGRATION);
        assertThat(e.estimated()).isFalse();
        assertThat(e.counterStart()).isNull();
        assertThat(e.counterUnit()).isNull();
    }

    @Test
    void raplCountersArePublishedInMicrojoules() {
        DeviceInfo pkg =
                new DeviceInfo(
                        "package-0",
                        Component.CPU,
                        SourceKind.RAPL,
                        Method.RAPL,
                        "package-0",
                        0,
                        OptionalDouble.empty(),
                        OptionalDouble.of(1000));
        EnergySample e =
                mapper.toEvent(
                        window(
                                pkg,
                                12.5,
                                OptionalDouble.of(1.0),
                                OptionalDouble.of(13.5),
                                EnumSet.of(SampleFlag.WRAPPED)));
        assertThat(e.counterUnit()).isEqualTo("uJ");
        assertThat(e.counterEnd() - e.counterStart()).isEqualTo(12_500_000.0);
        assertThat(e.deviceIndex()).isZero();
        assertThat(e.flags()).isEmpty();
        assertThat(codec.toJson(e)).isNotEmpty();
    }

    @Test
    void hostWindowCarriesProcessUsageAndTheEstimateIdleBaselineThroughTheCodec() {
        DeviceInfo cpu =
                new DeviceInfo(
                        "cpu",
                        Component.CPU,
                        SourceKind.ESTIMATE,
                        Method.CPU_LOAD_MODEL,
                        "X",
                        -1,
                        OptionalDouble.of(100),
                        OptionalDouble.empty());
        WindowUsage usage =
                new WindowUsage(
                        3.5,
                        2,
                        8L << 30,
                        OptionalLong.of(2L << 30),
                        List.of(new WindowUsage.TreeUse(4242, 1.75, 1L << 28)),
                        false);
        DeviceWindow w =
                window(
                                cpu,
                                150,
                                OptionalDouble.empty(),
                                OptionalDouble.empty(),
                                EnumSet.noneOf(SampleFlag.class))
                        .withUsage(java.util.Optional.of(usage));
        EnergySample e = mapper.toEvent(w);
        // 2 s at the model's idle tenth of 100 W.
        assertThat(e.idleJoules()).isEqualTo(20.0);
        assertThat(e.usage().hostCpuSeconds()).isEqualTo(3.5);
        assertThat(e.usage().memUsedBytes()).isEqualTo(2L << 30);
        assertThat(e.usage().trees())
                .containsExactly(new HostUsage.ProcessTree(4242, 1.75, 1L << 28));
        ProducerRecord<String, byte[]> record = codec.toRecord(e);
        EnergySample back =
                codec.decode(record.headers(), record.value()).payload(EnergySample.class);
        assertThat(back).isEqualTo(e);

        // A measured window has no model baseline; a window without usage publishes none.
        EnergySample plain =
                mapper.toEvent(
                        window(
                                Devices.counterGpu("GPU-1"),
                                300,
                                OptionalDouble.of(10.0),
                                OptionalDouble.of(310.0),
                                EnumSet.noneOf(SampleFlag.class)));
        assertThat(plain.idleJoules()).isNull();
        assertThat(plain.usage()).isNull();
        assertThat(
                        new String(
                                codec.toRecord(plain).value(),
                                java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("usage");
    }
}
