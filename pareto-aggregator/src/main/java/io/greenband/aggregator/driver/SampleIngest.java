package io.greenband.aggregator.driver;

import io.greenband.events.deadletter.RejectedEvent;
import io.greenband.events.payload.EnergySample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the energy-sample consumer does with one polled batch, free of any broker: decode every
 * record ({@link Decoder}), admit each sample ({@link Admission}: power bounds, conflicting ids),
 * hand the samples to the engine (ledger, then one store write per chunk) and return once all are
 * stored; the caller commits afterwards. A sample the engine refuses is found by retrying the chunk
 * one sample at a time and dead-lettered; the good ones are idempotent by sample id.
 *
 * @param <R> the record type of the consumer (a Kafka record in the service)
 */
public final class SampleIngest<R> {

    /**
     * Records decoded per chunk of a large batch. Each chunk is one store write that replaces every
     * sample bucket it touches whole, so a bucket cut by a chunk boundary is written twice: 5,000
     * records (about 2.6 minutes of each of 32 streams) keep that to a fifth of the rows written,
     * where 2,000 made it a half.
     */
    public static final int CHUNK = 5_000;

    private static final ExecutorService DECODER =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "greenband-sample-decoder");
                        t.setDaemon(true);
                        return t;
                    });

    /** Turns records into samples; what it cannot decode it dead-letters itself. */
    public interface Decoder<R> {

        /** The record's sample; empty when it is not one (it has then been dead-lettered). */
        Optional<EnergySample> decode(R record);

        /** Dead-letters a record whose sample was refused. */
        void deadLetter(R record, Throwable error);
    }

    /** A check every decoded sample passes before the engine sees it. */
    @FunctionalInterface
    public interface Admission {

        /** Takes the sample, or throws {@link RejectedEvent} with the reason it is refused. */
        void admit(EnergySample sample);
    }

    private final ScoringEngine engine;
    private final Decoder<R> decoder;
    private final Admission admission;

    /**
     * A flow decoding with {@code decoder} and admitting through {@code admission} into {@code
     * engine}.
     */
    public SampleIngest(ScoringEngine engine, Decoder<R> decoder, Admission admission) {
        this.engine = java.util.Objects.requireNonNull(engine, "engine");
        this.decoder = java.util.Objects.requireNonNull(decoder, "decoder");
        this.admission = java.util.Objects.requireNonNull(admission, "admission");
    }

    /**
     * Decodes and ingests one batch; returns the number of samples handed to the engine. A large
     * batch is taken in chunks, the next chunk decoding on a decoder thread while the engine stores
     * the current one (the store's write leaves this thread waiting); it returns once every chunk
     * is stored.
     */
    public int accept(Iterable<R> records) {
        List<List<R>> chunks = new ArrayList<>();
        List<R> chunk = new ArrayList<>();
        for (R r : records) {
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
        Future<Decoded<R>> next = DECODER.submit(() -> decode(chunks.get(0)));
        for (int i = 0; i < chunks.size(); i++) {
            Decoded<R> current = await(next);
            if (i + 1 < chunks.size()) {
                List<R> following = chunks.get(i + 1);
                next = DECODER.submit(() -> decode(following));
            }
            accepted += ingest(current);
        }
        return accepted;
    }

    private record Decoded<R>(List<EnergySample> samples, List<R> origins) {}

    private Decoded<R> decode(List<R> records) {
        List<EnergySample> batch = new ArrayList<>(records.size());
        List<R> origins = new ArrayList<>(records.size());
        for (R r : records) {
            Optional<EnergySample> sample = decoder.decode(r);
            if (sample.isPresent()) {
                try {
                    admission.admit(sample.get());
                } catch (RejectedEvent refused) {
                    decoder.deadLetter(r, refused);
                    continue;
                }
                batch.add(sample.get());
                origins.add(r);
            }
        }
        return new Decoded<>(batch, origins);
    }

    private int ingest(Decoded<R> d) {
        try {
            engine.acceptSamples(d.samples());
        } catch (IllegalArgumentException batchFailure) {
            // Find the offending samples one by one; the good ones are idempotent by sample id.
            for (int i = 0; i < d.samples().size(); i++) {
                try {
                    engine.acceptSamples(List.of(d.samples().get(i)));
                } catch (IllegalArgumentException e) {
                    decoder.deadLetter(d.origins().get(i), e);
                }
            }
        }
        return d.samples().size();
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding energy samples", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(
                    "decoding energy samples failed: " + e.getCause(), e.getCause());
        }
    }
}
