package io.greenband.aggregator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.aggregator.core.attribution.Component;
import io.greenband.aggregator.core.attribution.EnergySample;
import io.greenband.aggregator.core.attribution.HostUsage;
import io.greenband.aggregator.core.attribution.ProcessSeen;
import io.greenband.aggregator.core.attribution.ShareBasis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

/**
 * The bucket written straight to BSON is, byte for byte, the document form encoded by the driver's
 * codec.
 */
class SampleBucketBsonTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:03:00.250Z");

    @Test
    void plainGpuSamplesEncodeAsTheDocumentForm() {
        List<EnergySample> samples = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            samples.add(gpu(i, OptionalDouble.empty(), List.of()));
        }
        assertSameBytes(samples);
    }

    @Test
    void utilizationAndProcessesOnSomeSamplesEncodeAsTheDocumentForm() {
        List<EnergySample> samples =
                List.of(
                        gpu(0, OptionalDouble.of(42.5), List.of()),
                        gpu(
                                1,
                                OptionalDouble.empty(),
                                List.of(
                                        new ProcessSeen(17, OptionalDouble.of(12.0)),
                                        new ProcessSeen(4_000_000_000L, OptionalDouble.empty()))),
                        gpu(2, OptionalDouble.of(0), List.of()));
        assertSameBytes(samples);
    }

    @Test
    void hostUsageEncodesAsTheDocumentForm() {
        HostUsage usage =
                new HostUsage(
                        ShareBasis.CPU_TIME,
                        8.5,
                        Map.of(11L, 2.0, 12L, 0.25, 13L, 6.25),
                        true,
                        3.5);
        List<EnergySample> samples =
                List.of(
                        new EnergySample(
                                "n/cpu/package-0/1",
                                "host-a",
                                "package-0",
                                Component.CPU_PACKAGE,
                                T0,
                                T0.plusSeconds(1),
                                20.0,
                                OptionalDouble.empty(),
                                List.of(),
                                Optional.of(usage)),
                        new EnergySample(
                                "n/cpu/package-0/2",
                                "host-a",
                                "package-0",
                                Component.CPU_PACKAGE,
                                T0.plusSeconds(1),
                                T0.plusSeconds(2),
                                21.0,
                                OptionalDouble.of(55),
                                List.of(),
                                Optional.empty()));
        assertSameBytes(samples);
    }

    private static EnergySample gpu(
            int i, OptionalDouble utilization, List<ProcessSeen> processes) {
        return new EnergySample(
                "node-1/GPU/GPU-7/" + i,
                "host-1",
                "GPU-7",
                Component.GPU,
                T0.plusSeconds(i),
                T0.plusSeconds(i + 1).plusNanos(999_999),
                250.0 + i / 7.0,
                utilization,
                processes);
    }

    private static void assertSameBytes(List<EnergySample> samples) {
        String id = SampleDocuments.bucketId(samples.get(0));
        RawBsonDocument expected =
                new RawBsonDocument(SampleDocuments.bucket(id, samples), new DocumentCodec());
        RawBsonDocument actual = SampleBucketBson.bucket(id, samples);
        assertThat(actual.toJson()).isEqualTo(expected.toJson());
        assertThat(bytes(actual)).isEqualTo(bytes(expected));
    }

    private static byte[] bytes(RawBsonDocument d) {
        java.nio.ByteBuffer b = d.getByteBuffer().asNIO();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
