package io.greenband.aggregator.adapter.messaging;

import io.greenband.aggregator.driver.SampleIngest;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.events.EventType;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.EnergySample;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The energy-sample consumer's handler of one polled batch: the driver's {@link SampleIngest}
 * (decode, admit, ingest in chunks, dead-letter what the engine refuses) over Kafka records,
 * decoded as below.
 *
 * <p>Decoding takes a short path for well-formed records ({@link #quickDecode}): the CloudEvents
 * headers are checked on their bytes and the JSON is read token by token straight into the payload
 * record, whose constructor checks every field invariant, with the schema's types and remaining
 * bounds checked on the way. Anything the short path does not accept goes through the full codec
 * (schema validation, precise error, dead-letter), so a bad record is reported exactly as before;
 * only the JSON tree, the per-record schema walk and the data binding, most of the decoding cost at
 * tens of thousands of samples per second, are skipped for records that read cleanly.
 */
public final class SampleBatches {

    private static final byte[] TYPE =
            EventType.ENERGY_SAMPLE.ceType().getBytes(StandardCharsets.UTF_8);
    private static final byte[] SPEC_VERSION = "1.0".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONTENT_TYPE =
            EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);
    private static final Sources SOURCES = new Sources();

    /** Longest ce_ header the short path reads (as the codec's envelope check). */
    private static final int MAX_HEADER_BYTES = 1024;

    private final SampleIngest<ConsumerRecord<String, byte[]>> flow;

    /**
     * A handler decoding through {@code intake} (dead-letters) into {@code engine}, under the
     * default power bounds.
     */
    public SampleBatches(RecordIntake intake, ScoringEngine engine) {
        this(intake, engine, PowerBounds.DEFAULTS);
    }

    /**
     * A handler whose samples above {@code bounds} are dead-lettered {@code IMPLAUSIBLE}, not
     * attributed.
     */
    public SampleBatches(RecordIntake intake, ScoringEngine engine, PowerBounds bounds) {
        this(intake, engine, bounds, new SampleIds());
    }

    /**
     * A handler that also dead-letters a sample whose id was read before with another payload
     * ({@code CONFLICT}, the first stands), as {@code ids} remembers them.
     */
    public SampleBatches(
            RecordIntake intake, ScoringEngine engine, PowerBounds bounds, SampleIds ids) {
        this.flow = flow(intake, engine, bounds, ids);
    }

    /**
     * The service's sample flow: records decoded by {@link #quickDecode}, else by {@code intake}
     * (which dead-letters what does not decode); a decoded event that is not a sample, a sample
     * above {@code bounds} or one whose id {@code ids} knew with another payload is dead-lettered.
     */
    public static SampleIngest<ConsumerRecord<String, byte[]>> flow(
            RecordIntake intake, ScoringEngine engine, PowerBounds bounds, SampleIds ids) {
        return new SampleIngest<>(
                engine,
                new Decoder(intake),
                sample -> {
                    bounds.check(sample);
                    ids.admit(sample);
                });
    }

    /**
     * Decodes and ingests one batch; returns the number of samples handed to the engine. A large
     * batch is taken in chunks ({@link SampleIngest#accept}); it returns once every chunk is
     * stored.
     */
    public int accept(Iterable<ConsumerRecord<String, byte[]>> records) {
        return flow.accept(records);
    }

    /**
     * The fast path, then the full codec; an event of another type on the topic is dead-lettered.
     */
    private record Decoder(RecordIntake intake)
            implements SampleIngest.Decoder<ConsumerRecord<String, byte[]>> {

        @Override
        public Optional<EnergySample> decode(ConsumerRecord<String, byte[]> r) {
            Optional<EnergySample> sample = quickDecode(r);
            if (sample.isPresent()) {
                return sample;
            }
            return intake.decode(r)
                    .flatMap(
                            e -> {
                                if (e instanceof EnergySample s) {
                                    return Optional.of(s);
                                }
                                intake.deadLetter(
                                        r,
                                        new IllegalArgumentException(
                                                "energy-sample topic carries "
                                                        + e.type().ceType()
                                                        + ": only energy samples belong there"));
                                return Optional.empty();
                            });
        }

        @Override
        public void deadLetter(ConsumerRecord<String, byte[]> r, Throwable error) {
            intake.deadLetter(r, error);
        }
    }

    /**
     * The sample of a well-formed binary-mode energy-sample record; empty for anything the fast
     * path does not accept, which the full codec then decodes or dead-letters. The headers are
     * checked as the CloudEvents reader checks them (spec version 1.0, our type, non-blank id, a
     * source that is a URI, a UTC time), without decoding them to strings where bytes will do; a
     * record with other {@code ce_} attributes (extensions, data schema) is left to the full codec.
     * The payload is read by {@link SampleJson#read}.
     */
    static Optional<EnergySample> quickDecode(ConsumerRecord<String, byte[]> r) {
        byte[] value = r.value();
        if (value == null || !wellFormedHeaders(r.headers())) {
            return Optional.empty();
        }
        return Optional.ofNullable(SampleJson.read(value));
    }

    private static boolean wellFormedHeaders(Headers headers) {
        byte[] spec = null;
        byte[] type = null;
        byte[] id = null;
        byte[] source = null;
        byte[] time = null;
        byte[] contentType = null;
        // The last header of a name counts, as for the CloudEvents reader.
        for (Header h : headers) {
            String key = h.key();
            byte[] v = h.value();
            if (key.startsWith("ce_")) {
                // Oversized headers take the full path, which refuses them with their reason.
                if (v == null || v.length > MAX_HEADER_BYTES) {
                    return false;
                }
                switch (key) {
                    case "ce_specversion" -> spec = v;
                    case "ce_type" -> type = v;
                    case "ce_id" -> id = v;
                    case "ce_source" -> source = v;
                    case "ce_time" -> time = v;
                    case "ce_subject" -> {}
                    default -> {
                        return false;
                    }
                }
            } else if (key.equals("content-type")) {
                contentType = v;
            }
        }
        return Arrays.equals(spec, SPEC_VERSION)
                && Arrays.equals(type, TYPE)
                && !blank(id)
                && source != null
                && SOURCES.valid(source)
                && (time == null || SampleJson.parseUtc(ascii(time)) != null)
                && (contentType == null || startsWith(contentType, CONTENT_TYPE));
    }

    /** Whether the bytes decode to a blank string; ASCII is decided without decoding. */
    private static boolean blank(byte[] v) {
        if (v == null) {
            return true;
        }
        for (byte b : v) {
            if (b < 0) {
                return new String(v, StandardCharsets.UTF_8).isBlank();
            }
            if (b > ' ' || !Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] v) {
        // Non-ASCII bytes turn into characters the UTC parser refuses.
        return new String(v, StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] v, byte[] prefix) {
        return v.length >= prefix.length
                && Arrays.equals(v, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * Sources found to be URIs, as the CloudEvents reader requires: a consumer sees the few sources
     * of its monitors again and again, so each is parsed once.
     */
    private static final class Sources {
        private static final int MAX = 256;
        private final Map<ByteBuffer, Boolean> known = new ConcurrentHashMap<>();

        boolean valid(byte[] source) {
            ByteBuffer key = ByteBuffer.wrap(source);
            Boolean v = known.get(key);
            if (v == null) {
                v = isUri(new String(source, StandardCharsets.UTF_8));
                if (known.size() < MAX) {
                    known.put(ByteBuffer.wrap(source.clone()), v);
                }
            }
            return v;
        }

        private static boolean isUri(String s) {
            try {
                new URI(s);
                return !s.isBlank();
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
