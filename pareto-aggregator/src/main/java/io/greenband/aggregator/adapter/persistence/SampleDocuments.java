package io.greenband.aggregator.adapter.persistence;

import io.greenband.aggregator.AggregatorException;
import io.greenband.aggregator.core.attribution.Component;
import io.greenband.aggregator.core.attribution.EnergySample;
import io.greenband.aggregator.core.attribution.HostUsage;
import io.greenband.aggregator.core.attribution.ProcessSeen;
import io.greenband.aggregator.core.attribution.ShareBasis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.bson.Document;

/**
 * Energy samples as bucket documents: one document per stream (host, device, component) and minute
 * of window start, its samples stored column by column ({@code sampleId}, {@code windowStart},
 * {@code windowEnd}, {@code joules}, and {@code utilizationPercent}, {@code processes} and {@code
 * usage} when any sample of the bucket has them; one array element per sample, in time order), as
 * MongoDB's own time-series buckets do. Times are BSON dates, i.e. to the millisecond, the
 * precision the monitor publishes.
 */
final class SampleDocuments {

    /** Length of one bucket: 60 samples at the monitors' 1 Hz. */
    static final Duration BUCKET = Duration.ofMinutes(1);

    private SampleDocuments() {}

    /** The id of the bucket holding {@code s}. */
    static String bucketId(EnergySample s) {
        return s.host()
                + "|"
                + s.device()
                + "|"
                + s.component().wireName()
                + "|"
                + bucketStart(s.windowStart()).getEpochSecond();
    }

    /** Start of the bucket holding time {@code t}. */
    static Instant bucketStart(Instant t) {
        long bucket = BUCKET.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), bucket) * bucket);
    }

    /**
     * The whole bucket document of {@code samples} (all of one bucket, in time order): the layout's
     * definition. The store writes {@link SampleBucketBson#bucket}, the same document as BSON bytes
     * (a test holds them equal).
     */
    static Document bucket(String id, Collection<EnergySample> samples) {
        EnergySample first = samples.iterator().next();
        int n = samples.size();
        List<String> ids = new ArrayList<>(n);
        List<Date> starts = new ArrayList<>(n);
        List<Date> ends = new ArrayList<>(n);
        List<Double> joules = new ArrayList<>(n);
        List<Double> utilization = new ArrayList<>(n);
        List<List<Document>> processes = new ArrayList<>(n);
        boolean anyUtilization = false;
        boolean anyProcesses = false;
        List<Document> usage = new ArrayList<>(n);
        boolean anyUsage = false;
        for (EnergySample s : samples) {
            usage.add(s.usage().map(SampleDocuments::usage).orElse(null));
            anyUsage |= s.usage().isPresent();
            ids.add(s.sampleId());
            starts.add(Date.from(s.windowStart()));
            ends.add(Date.from(s.windowEnd()));
            joules.add(s.joules());
            utilization.add(
                    s.utilizationPercent().isPresent()
                            ? s.utilizationPercent().getAsDouble()
                            : null);
            anyUtilization |= s.utilizationPercent().isPresent();
            anyProcesses |= !s.processes().isEmpty();
            List<Document> seen = new ArrayList<>(s.processes().size());
            for (ProcessSeen p : s.processes()) {
                Document d = new Document("pid", p.pid());
                p.utilizationPercent().ifPresent(u -> d.append("utilizationPercent", u));
                if (!p.ancestors().isEmpty()) {
                    d.append("ancestors", p.ancestors());
                }
                seen.add(d);
            }
            processes.add(seen);
        }
        Document doc =
                new Document("_id", id)
                        .append("host", first.host())
                        .append("device", first.device())
                        .append("component", first.component().wireName())
                        .append("bucketStart", Date.from(bucketStart(first.windowStart())))
                        .append("count", n)
                        .append("sampleId", ids)
                        .append("windowStart", starts)
                        .append("windowEnd", ends)
                        .append("joules", joules);
        if (anyUtilization) {
            doc.append("utilizationPercent", utilization);
        }
        if (anyProcesses) {
            doc.append("processes", processes);
        }
        if (anyUsage) {
            doc.append("usage", usage);
        }
        return doc;
    }

    private static Document usage(HostUsage u) {
        List<Long> pids = new ArrayList<>(u.byPid().keySet());
        List<Double> uses = new ArrayList<>(pids.size());
        for (Long pid : pids) {
            uses.add(u.byPid().get(pid));
        }
        return new Document("basis", u.basis().name())
                .append("host", u.hostAmount())
                .append("pid", pids)
                .append("use", uses)
                .append("truncated", u.truncated())
                .append("baseline", u.baselineJoules());
    }

    private static Optional<HostUsage> usage(Document d) {
        if (d == null) {
            return Optional.empty();
        }
        List<Number> pids = d.getList("pid", Number.class);
        List<Number> uses = d.getList("use", Number.class);
        Map<Long, Double> byPid = new HashMap<>();
        for (int i = 0; i < pids.size(); i++) {
            byPid.put(pids.get(i).longValue(), uses.get(i).doubleValue());
        }
        return Optional.of(
                new HostUsage(
                        ShareBasis.valueOf(d.getString("basis")),
                        d.get("host", Number.class).doubleValue(),
                        byPid,
                        d.getBoolean("truncated"),
                        d.get("baseline", Number.class).doubleValue()));
    }

    /** The samples of one bucket document, in time order. */
    static List<EnergySample> fromBucket(Document bucket) {
        try {
            String host = bucket.getString("host");
            String device = bucket.getString("device");
            Component component = Component.fromWireName(bucket.getString("component"));
            List<String> ids = bucket.getList("sampleId", String.class);
            List<Date> starts = bucket.getList("windowStart", Date.class);
            List<Date> ends = bucket.getList("windowEnd", Date.class);
            List<Number> joules = bucket.getList("joules", Number.class);
            List<Number> utilization = bucket.getList("utilizationPercent", Number.class);
            List<?> processes = bucket.getList("processes", Object.class);
            List<?> usage = bucket.getList("usage", Object.class);
            List<EnergySample> out = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                List<ProcessSeen> seen = new ArrayList<>();
                for (Object o : processes == null ? List.of() : (List<?>) processes.get(i)) {
                    Document p = (Document) o;
                    Number u = p.get("utilizationPercent", Number.class);
                    List<Number> anc = p.getList("ancestors", Number.class);
                    seen.add(
                            new ProcessSeen(
                                    p.get("pid", Number.class).longValue(),
                                    u == null
                                            ? OptionalDouble.empty()
                                            : OptionalDouble.of(u.doubleValue()),
                                    anc == null
                                            ? List.of()
                                            : anc.stream().map(Number::longValue).toList()));
                }
                Number u = utilization == null ? null : utilization.get(i);
                out.add(
                        new EnergySample(
                                ids.get(i),
                                host,
                                device,
                                component,
                                starts.get(i).toInstant(),
                                ends.get(i).toInstant(),
                                joules.get(i).doubleValue(),
                                u == null
                                        ? OptionalDouble.empty()
                                        : OptionalDouble.of(u.doubleValue()),
                                seen,
                                usage(usage == null ? null : (Document) usage.get(i))));
            }
            return out;
        } catch (RuntimeException e) {
            throw AggregatorException.malformed(
                    "energy sample bucket "
                            + bucket.get("_id")
                            + " is malformed: "
                            + e.getMessage(),
                    e);
        }
    }
}
