package io.greenband.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.events.EventType;
import io.greenband.events.SampleEvents;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.HostUsage;
import io.greenband.events.payload.InvalidFieldException;
import io.greenband.events.payload.TrialScored;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optional attribution fields: host usage on energy samples, bases and other energy on
 * trial-scored.
 */
class AttributionFieldsTest {

    private final PayloadCodec codec =
            new PayloadCodec(io.greenband.events.study.StudyLimits.DEFAULTS, true);

    private static EnergySample cpuSample(HostUsage usage) {
        EnergySample gpu = SampleEvents.energySample();
        return new EnergySample(
                "node-a",
                "node-a",
                EnergySample.Component.CPU,
                "cpu",
                null,
                null,
                EnergySample.Method.CPU_LOAD_MODEL,
                true,
                gpu.windowStart(),
                gpu.windowEnd(),
                gpu.durationNs(),
                12.5,
                null,
                null,
                null,
                0,
                false,
                12.5,
                null,
                null,
                50.0,
                List.of(),
                List.of(),
                null,
                0.8,
                List.of(),
                3L,
                usage);
    }

    @Test
    void hostUsageRoundTripsAndValidatesAgainstTheSchema() {
        HostUsage usage =
                new HostUsage(
                        1.25,
                        2,
                        8L << 30,
                        3L << 30,
                        List.of(
                                new HostUsage.ProcessTree(4242, 0.9, 1L << 28),
                                new HostUsage.ProcessTree(1, 1.2, 1L << 20)),
                        false);
        EnergySample sample = cpuSample(usage);
        byte[] json = codec.toJson(sample);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"usage\"")
                .contains("\"hostCpuSeconds\":1.25");
        assertThat(codec.decodePayload(EventType.ENERGY_SAMPLE, json)).isEqualTo(sample);
        // Without usage nothing new is written: older readers see the v1 shape.
        assertThat(new String(codec.toJson(cpuSample(null)), StandardCharsets.UTF_8))
                .doesNotContain("usage");
    }

    @Test
    void usageIsBoundedAndHostOnly() {
        List<HostUsage.ProcessTree> many =
                java.util.stream.LongStream.range(0, HostUsage.MAX_TREES + 1)
                        .mapToObj(pid -> new HostUsage.ProcessTree(pid, 0.1, 0))
                        .toList();
        assertThatThrownBy(() -> new HostUsage(1, 2, 1, null, many, true))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("at most 256");
        HostUsage ok = new HostUsage(1, 2, 1, null, List.of(), false);
        assertThatThrownBy(() -> SampleEvents.energySample().withUsage(ok))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("GPU");
        assertThatThrownBy(() -> new HostUsage(-1, 2, 1, null, List.of(), false))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void trialScoredCarriesBasisOtherEnergyAndPartial() {
        TrialScored old = SampleEvents.trialScored();
        TrialScored.EnergyBreakdown energy =
                new TrialScored.EnergyBreakdown(
                        100,
                        0,
                        0,
                        100,
                        true,
                        Map.of("estimated", 100.0),
                        340.0,
                        Map.of("estimated", "CPU_TIME+RSS"),
                        true);
        TrialScored scored =
                new TrialScored(
                        old.studyId(),
                        old.trialId(),
                        old.attempt(),
                        old.configId(),
                        old.fidelity(),
                        old.status(),
                        old.objectives(),
                        energy,
                        old.emissions(),
                        old.onFront(),
                        old.frontRank(),
                        old.revision(),
                        old.studyFingerprint(),
                        old.scoredAt());
        byte[] json = codec.toJson(scored);
        TrialScored back = (TrialScored) codec.decodePayload(EventType.TRIAL_SCORED, json);
        assertThat(back).isEqualTo(scored);
        assertThat(back.energy().complete()).isFalse();
        // An event from before these fields: no basis, partial unknown, complete by default.
        assertThat(old.energy().basis()).isEmpty();
        assertThat(old.energy().partial()).isNull();
        assertThat(old.energy().complete()).isTrue();
        TrialScored.EnergyBreakdown badBasis =
                new TrialScored.EnergyBreakdown(
                        1,
                        0,
                        0,
                        1,
                        false,
                        Map.of(),
                        null,
                        Map.of("cpu-package", "BY_MAGIC"),
                        false);
        TrialScored bad =
                new TrialScored(
                        old.studyId(),
                        old.trialId(),
                        old.attempt(),
                        old.configId(),
                        old.fidelity(),
                        old.status(),
                        old.objectives(),
                        badBasis,
                        old.emissions(),
                        old.onFront(),
                        old.frontRank(),
                        old.revision(),
                        old.studyFingerprint(),
                        old.scoredAt());
        assertThatThrownBy(() -> codec.toJson(bad)).hasMessageContaining("basis");
    }
}
