package io.greenband.aggregator.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.events.SampleEvents;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.EnergySample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * The sample consumer's fast path accepts only what the full codec accepts, and yields the same
 * record.
 */
class SampleFastPathTest {

    private static final EventCodec CODEC =
            EventCodec.builder().setSource("/greenband/test").build();

    @Test
    void theCanonicalSampleReadsAsTheFullCodecReadsIt() {
        ConsumerRecord<String, byte[]> r = consumed(CODEC.toRecord(SampleEvents.energySample()));
        assertThat(SampleBatches.quickDecode(r)).contains((EnergySample) CODEC.decode(r).payload());
    }

    @Test
    void randomValidSamplesWithOptionalFieldsAndListsReadTheSame() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 500; i++) {
            ConsumerRecord<String, byte[]> r = consumed(CODEC.toRecord(random(rng, i)));
            Optional<EnergySample> fast = SampleBatches.quickDecode(r);
            assertThat(fast).as("sample %d", i).isPresent();
            assertThat(fast.get()).isEqualTo(CODEC.decode(r).payload());
        }
    }

    @Test
    void unknownFieldsAreToleratedAndAnythingDoubtfulIsLeftToTheFullCodec() {
        ConsumerRecord<String, byte[]> r = consumed(CODEC.toRecord(SampleEvents.energySample()));
        String json = new String(r.value(), StandardCharsets.UTF_8);
        EnergySample expected = (EnergySample) CODEC.decode(r).payload();

        assertThat(
                        SampleBatches.quickDecode(
                                withValue(
                                        r,
                                        json.replaceFirst(
                                                "\\{", "{\"futureField\":{\"a\":[1,2]},"))))
                .contains(expected);
        for (String bad :
                List.of(
                        json.replaceFirst("\\{", "{\"seq\":3,"), // duplicate key
                        json.replaceFirst(
                                "\\{",
                                "{\"futureField\":1,\"seq\":3,"), // duplicate beside an unknown key
                        json.replaceFirst(
                                "\\{",
                                "{\"futureField\":{\"a\":1,\"a\":2},"), // duplicate inside an
                        // unknown value
                        json.replace(
                                "\"energyJoules\":310.5",
                                "\"energyJoules\":\"310.5\""), // a string for a number
                        json.replace(
                                "\"energyJoules\":310.5",
                                "\"energyJoules\":-1"), // below the minimum
                        json.replace(
                                "\"component\":\"GPU\"", "\"component\":\"TPU\""), // not a choice
                        json.replace("\"nodeId\":\"node-a\",", ""), // a required field missing
                        json.replace("Z\"", "+00:00\""), // not the UTC Z form
                        json.substring(0, json.length() - 1), // truncated
                        json + " {}")) { // trailing tokens
            assertThat(SampleBatches.quickDecode(withValue(r, bad))).as(bad).isEmpty();
        }
        // What the fast path refuses, the full codec refuses too, naming the field.
        assertThatThrownBy(
                        () ->
                                CODEC.decode(
                                        withValue(
                                                r,
                                                json.replace(
                                                        "\"energyJoules\":310.5",
                                                        "\"energyJoules\":-1"))))
                .hasMessageContaining("energyJoules");
    }

    @Test
    void recordsWithOtherAttributesOrAnotherTypeAreLeftToTheFullCodec() {
        ConsumerRecord<String, byte[]> r = consumed(CODEC.toRecord(SampleEvents.energySample()));
        RecordHeaders extension = copy(r);
        extension.add("ce_traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
        assertThat(SampleBatches.quickDecode(with(r, extension, r.value()))).isEmpty();

        RecordHeaders otherType = copy(r);
        otherType.remove("ce_type");
        otherType.add("ce_type", "io.greenband.trial-finished.v1".getBytes(StandardCharsets.UTF_8));
        assertThat(SampleBatches.quickDecode(with(r, otherType, r.value()))).isEmpty();

        RecordHeaders badSource = copy(r);
        badSource.remove("ce_source");
        badSource.add("ce_source", "not a uri".getBytes(StandardCharsets.UTF_8));
        assertThat(SampleBatches.quickDecode(with(r, badSource, r.value()))).isEmpty();
    }

    private static EnergySample random(SplittableRandom rng, int i) {
        Instant start =
                Instant.ofEpochSecond(
                        1_780_000_000L + rng.nextInt(1_000_000), rng.nextInt(1_000) * 1_000_000);
        Instant end = start.plusMillis(1 + rng.nextInt(5_000));
        boolean measured = rng.nextBoolean();
        EnergySample.Method method =
                measured
                        ? EnergySample.Method.NVML_ENERGY_COUNTER
                        : EnergySample.Method.CPU_LOAD_MODEL;
        List<EnergySample.ProcessSeen> processes = new ArrayList<>();
        for (int k = rng.nextInt(3); k > 0; k--) {
            processes.add(
                    new EnergySample.ProcessSeen(
                            rng.nextInt(100_000),
                            rng.nextBoolean() ? "java" : null,
                            rng.nextBoolean() ? rng.nextDouble(0, 100) : null,
                            rng.nextBoolean() ? rng.nextLong(1L << 40) : null,
                            rng.nextBoolean()
                                    ? List.of((long) rng.nextInt(100_000), 1L)
                                    : List.of()));
        }
        double joules = rng.nextDouble(0, 1_000);
        // Attributed shares of the window's energy; the rest is unattributed, so the parts add up
        // as they must.
        List<EnergySample.Attribution> attribution = new ArrayList<>();
        double left = joules;
        for (int k = rng.nextInt(3); k > 0; k--) {
            double part = left * rng.nextDouble();
            left -= part;
            attribution.add(
                    new EnergySample.Attribution(
                            "trial-" + k,
                            List.of((long) rng.nextInt(1000)),
                            EnergySample.Basis.values()[
                                    rng.nextInt(EnergySample.Basis.values().length)],
                            joules > 0 ? part / joules : 0,
                            part));
        }
        Double unattributed =
                attribution.isEmpty()
                        ? (rng.nextBoolean() ? Double.valueOf(rng.nextDouble(0, 10)) : null)
                        : Double.valueOf(left);
        List<EnergySample.Flag> flags =
                rng.nextInt(4) == 0 ? List.of(EnergySample.Flag.GAP) : List.of();
        return new EnergySample(
                "node-" + rng.nextInt(8),
                "host-" + rng.nextInt(8),
                EnergySample.Component.values()[
                        rng.nextInt(EnergySample.Component.values().length)],
                "dev-" + i,
                rng.nextBoolean() ? "device " + i : null,
                rng.nextBoolean() ? rng.nextInt(8) : null,
                method,
                !measured,
                start,
                end,
                (end.toEpochMilli() - start.toEpochMilli()) * 1_000_000L,
                joules,
                rng.nextBoolean() ? rng.nextDouble(0, 1e9) : null,
                rng.nextBoolean() ? rng.nextDouble(0, 1e9) : null,
                rng.nextBoolean() ? "mJ" : null,
                rng.nextInt(3),
                rng.nextBoolean(),
                rng.nextDouble(0, 700),
                rng.nextBoolean() ? rng.nextDouble(0, 800) : null,
                rng.nextBoolean() ? 700.0 : null,
                rng.nextBoolean() ? rng.nextDouble(0, 100) : null,
                processes,
                attribution,
                unattributed,
                rng.nextBoolean() ? rng.nextDouble(0, 10) : null,
                flags,
                rng.nextLong(1L << 40));
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> p) {
        RecordHeaders headers = new RecordHeaders(p.headers().toArray());
        return new ConsumerRecord<>(
                "energy-sample",
                0,
                0L,
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                p.key(),
                p.value(),
                headers,
                Optional.empty());
    }

    private static RecordHeaders copy(ConsumerRecord<String, byte[]> r) {
        return new RecordHeaders(r.headers().toArray());
    }

    private static ConsumerRecord<String, byte[]> withValue(
            ConsumerRecord<String, byte[]> r, String json) {
        return with(r, copy(r), json.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, byte[]> with(
            ConsumerRecord<String, byte[]> r, RecordHeaders headers, byte[] value) {
        return new ConsumerRecord<>(
                r.topic(),
                0,
                0L,
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                r.key(),
                value,
                headers,
                Optional.empty());
    }
}
