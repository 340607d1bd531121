package io.greenband.aggregator.adapter.persistence;

import io.greenband.aggregator.core.attribution.EnergySample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The recent sample buckets in memory, so that a batch turns into whole-bucket writes without
 * reading them back. It only ever holds what is stored plus the batch being written: a bucket it
 * does not hold is read from the store first, and the buckets of a failed write are forgotten, so
 * after a restart or an eviction nothing stored is overwritten by a partial bucket.
 */
final class SampleBuckets {

    /**
     * Buckets this far behind the newest sample are dropped from memory (read again if a sample
     * comes late).
     */
    static final Duration KEEP = Duration.ofMinutes(10);

    private static final Comparator<EnergySample> ORDER =
            Comparator.comparing(EnergySample::windowStart).thenComparing(EnergySample::sampleId);

    private final Map<String, Bucket> buckets = new HashMap<>();
    private Instant newest = Instant.EPOCH;

    private record Bucket(Instant start, Map<String, EnergySample> samples) {}

    /**
     * Adds {@code batch}; {@code load} reads the stored samples of the buckets not in memory (by
     * bucket id). Returns the touched buckets' ids.
     */
    Set<String> add(
            List<EnergySample> batch, Function<Set<String>, Map<String, List<EnergySample>>> load) {
        Set<String> touched = new LinkedHashSet<>();
        Map<String, Instant> missing = new LinkedHashMap<>();
        // Each sample's bucket id once: building it is a good part of the per-sample cost here.
        String[] ids = new String[batch.size()];
        for (int i = 0; i < ids.length; i++) {
            EnergySample s = batch.get(i);
            String id = SampleDocuments.bucketId(s);
            ids[i] = id;
            touched.add(id);
            if (!buckets.containsKey(id)) {
                missing.putIfAbsent(id, SampleDocuments.bucketStart(s.windowStart()));
            }
        }
        if (!missing.isEmpty()) {
            Map<String, List<EnergySample>> stored = load.apply(missing.keySet());
            missing.forEach(
                    (id, start) -> {
                        Bucket b = new Bucket(start, new HashMap<>());
                        stored.getOrDefault(id, List.of())
                                .forEach(s -> b.samples().put(s.sampleId(), s));
                        buckets.put(id, b);
                    });
        }
        for (int i = 0; i < ids.length; i++) {
            EnergySample s = batch.get(i);
            buckets.get(ids[i]).samples().put(s.sampleId(), s);
            newest = s.windowStart().isAfter(newest) ? s.windowStart() : newest;
        }
        return touched;
    }

    /** The samples of one bucket, in time order (their ids are distinct, so the order is total). */
    Collection<EnergySample> samples(String id) {
        List<EnergySample> sorted = new ArrayList<>(buckets.get(id).samples().values());
        sorted.sort(ORDER);
        return sorted;
    }

    /** Forgets {@code ids} (their write failed: what is stored is read again next time). */
    void forget(Collection<String> ids) {
        ids.forEach(buckets::remove);
    }

    /** Drops buckets far behind the newest sample. */
    void evict() {
        Instant horizon = newest.minus(KEEP);
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next().start().isBefore(horizon)) {
                it.remove();
            }
        }
    }
}
