package io.greenband.aggregator.adapter.messaging;

import io.greenband.events.EventType;
import io.greenband.events.codec.EventCodec;
import io.greenband.events.payload.EnergySample;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What the energy-sample consumer does with one polled batch: decode every record, hand the samples to the
 * engine in one call (ledger, then one bulk write) and return; the caller commits the offsets afterwards.
 *
 * <p>Decoding takes a short path for well-formed records: the CloudEvents headers are checked and the JSON
 * is bound straight to the payload record, whose constructor checks every field invariant. Anything the
 * short path does not accept goes through the full codec (schema validation, precise error, dead-letter), so
 * a bad record is reported exactly as before; only the per-record schema walk, the most expensive step at
 * tens of thousands of samples per second, is skipped for records that bind cleanly.
 */
public final class SampleBatches {

    private static final String TYPE = EventType.ENERGY_SAMPLE.ceType();

    /** Records decoded per chunk of a large batch. */
    static final int CHUNK = 2_000;

    private static final ExecutorService DECODER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "greenband-sample-decoder");
        t.setDaemon(true);
        return t;
    });

    private final RecordIntake intake;
    private final ScoringEngine engine;

    /** A handler decoding through {@code intake} (dead-letters) into {@code engine}. */
    public SampleBatches(RecordIntake intake, ScoringEngine engine) {
        this.intake = intake;
        this.engine = engine;
    }

    /**
     * Decodes and ingests one batch; returns the number of samples handed to the engine. A large batch is taken
     * in chunks, the next chunk decoding on a decoder thread while the engine stores the current one (the
     * store's write leaves this thread waiting); it returns once every chunk is stored.
     */
    public int accept(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<List<ConsumerRecord<String, byte[]>>> chunks = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> chunk = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            chunk.add(r);
            if (chunk.size() == CHUNK) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty() || chunks.isEmpty()) {
            chunks.add(chunk);
        }
        if (chunks.size() == 1) {
            return ingest(decode(chunks.get(0)));
        }
        int accepted = 0;
        Future<Decoded> next = DECODER.submit(() -> decode(chunks.get(0)));
        for (int i = 0; i < chunks.size(); i++) {
            Decoded current = await(next);
            if (i + 1 < chunks.size()) {
                List<ConsumerRecord<String, byte[]>> following = chunks.get(i + 1);
                next = DECODER.submit(() -> decode(following));
            }
            accepted += ingest(current);
        }
        return accepted;
    }

    private record Decoded(List<EnergySample> samples, List<ConsumerRecord<String, byte[]>> origins) {
    }

    private Decoded decode(List<ConsumerRecord<String, byte[]>> records) {
        List<EnergySample> batch = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> origins = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            Optional<EnergySample> sample = quickDecode(r);
            if (sample.isEmpty()) {
                sample = intake.decode(r).flatMap(e -> {
                    if (e instanceof EnergySample s) {
                        return Optional.of(s);
                    }
                    intake.deadLetter(r, new IllegalArgumentException("energy-sample topic carries "
                            + e.type().ceType() + ": only energy samples belong there"));
                    return Optional.empty();
                });
            }
            sample.ifPresent(s -> {
                batch.add(s);
                origins.add(r);
            });
        }
        return new Decoded(batch, origins);
    }

    private int ingest(Decoded d) {
        try {
            engine.acceptSamples(d.samples());
        } catch (IllegalArgumentException batchFailure) {
            // Find the offending samples one by one; the good ones are idempotent by sample id.
            for (int i = 0; i < d.samples().size(); i++) {
                try {
                    engine.acceptSamples(List.of(d.samples().get(i)));
                } catch (IllegalArgumentException e) {
                    intake.deadLetter(d.origins().get(i), e);
                }
            }
        }
        return d.samples().size();
    }

    private static Decoded await(Future<Decoded> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding energy samples", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("decoding energy samples failed: " + e.getCause(), e.getCause());
        }
    }

    /** The sample of a binary-mode energy-sample record that binds cleanly; empty for anything else. */
    static Optional<EnergySample> quickDecode(ConsumerRecord<String, byte[]> r) {
        Headers h = r.headers();
        if (r.value() == null || !"1.0".equals(text(h.lastHeader("ce_specversion")))
                || !TYPE.equals(text(h.lastHeader("ce_type"))) || blank(text(h.lastHeader("ce_id")))
                || blank(text(h.lastHeader("ce_source")))) {
            return Optional.empty();
        }
        String contentType = text(h.lastHeader("content-type"));
        if (contentType != null && !contentType.startsWith(EventCodec.CONTENT_TYPE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SampleJson.MAPPER.readValue(r.value(), EnergySample.class));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty(); // The full decoder names the field and dead-letters the record.
        }
    }

    private static String text(Header h) {
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
