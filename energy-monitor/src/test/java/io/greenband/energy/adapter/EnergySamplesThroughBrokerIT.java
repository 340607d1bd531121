package io.greenband.energy.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.events.EventType;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.EnergySample;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The packaged service against the embedded broker, on this build machine as it is: no NVIDIA
 * driver and no readable RAPL, so the only samples are the CPU estimate, and they must say so.
 */
@QuarkusIntegrationTest
@WithTestResource(
        value = EmbeddedStackResource.class,
        initArgs =
                @ResourceArg(
                        name = EmbeddedStackResource.ARG_TOPICS_PREFIX,
                        value = EnergySamplesThroughBrokerIT.PREFIX))
@TestProfile(EnergySamplesThroughBrokerIT.FastTicks.class)
class EnergySamplesThroughBrokerIT {

    static final String PREFIX = "energy-it.";

    /**
     * Ticks fast, reads no powercap tree and no NVML, so the node is estimate-only wherever it
     * runs.
     */
    public static class FastTicks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "greenband.energy.interval", "200ms",
                    "greenband.energy.host", "it-node",
                    "greenband.energy.nvml.library", "/nonexistent/libnvidia-ml.so.1",
                    "greenband.energy.rapl.root", "/nonexistent/powercap");
        }
    }

    EmbeddedStack stack;

    @Test
    void publishesSchemaValidEstimatedCpuSamples() {
        EventCodec codec = EventCodec.forSource("/greenband/energy-monitor-it");
        List<ReceivedEvent> received = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "energy-it");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(PREFIX + "energy-sample"));
            for (int i = 0; i < 120 && received.size() < 6; i++) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    // decode validates the payload against energy-sample.v1.json.
                    ReceivedEvent e = codec.decode(r);
                    received.add(e);
                    assertThat(r.key())
                            .isEqualTo("it-node/" + e.payload(EnergySample.class).deviceId());
                }
            }
        }
        assertThat(received).hasSizeGreaterThanOrEqualTo(6);
        for (ReceivedEvent e : received) {
            assertThat(e.type()).isEqualTo(EventType.ENERGY_SAMPLE);
            assertThat(e.source().toString()).isEqualTo("/greenband/energy-monitor");
            EnergySample s = e.payload(EnergySample.class);
            assertThat(s.estimated()).isTrue();
            assertThat(s.host()).isEqualTo("it-node");
            assertThat(s.energyJoules()).isPositive();
            assertThat(e.id()).isEqualTo("energy-sample:" + s.sampleId());
        }
        List<EnergySample> cpu =
                received.stream()
                        .map(e -> e.payload(EnergySample.class))
                        .filter(s -> s.deviceId().equals("cpu"))
                        .toList();
        List<EnergySample> ram =
                received.stream()
                        .map(e -> e.payload(EnergySample.class))
                        .filter(s -> s.deviceId().equals("ram"))
                        .toList();
        assertThat(cpu)
                .isNotEmpty()
                .allSatisfy(
                        s -> {
                            assertThat(s.method()).isEqualTo(EnergySample.Method.CPU_LOAD_MODEL);
                            assertThat(s.component()).isEqualTo(EnergySample.Component.CPU);
                        });
        assertThat(ram)
                .isNotEmpty()
                .allSatisfy(
                        s -> {
                            assertThat(s.method()).isEqualTo(EnergySample.Method.RAM_DIMM_MODEL);
                            assertThat(s.component()).isEqualTo(EnergySample.Component.RAM_EST);
                        });
        assertThat(cpu.size() + ram.size()).isEqualTo(received.size());
        assertThat(cpu.stream().map(EnergySample::seq).toList()).isSorted().doesNotHaveDuplicates();
    }
}
