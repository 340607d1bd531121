package io.greenband.aggregator.adapter.persistence;

import io.greenband.aggregator.core.attribution.EnergySample;
import io.greenband.aggregator.core.attribution.HostUsage;
import io.greenband.aggregator.core.attribution.ProcessSeen;
import java.util.Collection;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;

/**
 * A bucket document of {@link SampleDocuments#bucket} written straight to BSON bytes: the same
 * fields, order and BSON types, without building the document's maps, boxing every number and date,
 * and looking up a codec per value, which cost more than the rest of a sample's way into the
 * store's request.
 */
final class SampleBucketBson {

    private SampleBucketBson() {}

    /** The bucket document of {@code samples} (all of one bucket, in time order) as BSON. */
    static RawBsonDocument bucket(String id, Collection<EnergySample> samples) {
        EnergySample first = samples.iterator().next();
        boolean anyUtilization = false;
        boolean anyProcesses = false;
        boolean anyUsage = false;
        for (EnergySample s : samples) {
            anyUtilization |= s.utilizationPercent().isPresent();
            anyProcesses |= !s.processes().isEmpty();
            anyUsage |= s.usage().isPresent();
        }
        BasicOutputBuffer out = new BasicOutputBuffer(256 + 96 * samples.size());
        try (BsonBinaryWriter w = new BsonBinaryWriter(out)) {
            w.writeStartDocument();
            w.writeString("_id", id);
            w.writeString("host", first.host());
            w.writeString("device", first.device());
            w.writeString("component", first.component().wireName());
            w.writeDateTime(
                    "bucketStart", SampleDocuments.bucketStart(first.windowStart()).toEpochMilli());
            w.writeInt32("count", samples.size());
            w.writeStartArray("sampleId");
            for (EnergySample s : samples) {
                w.writeString(s.sampleId());
            }
            w.writeEndArray();
            w.writeStartArray("windowStart");
            for (EnergySample s : samples) {
                w.writeDateTime(s.windowStart().toEpochMilli());
            }
            w.writeEndArray();
            w.writeStartArray("windowEnd");
            for (EnergySample s : samples) {
                w.writeDateTime(s.windowEnd().toEpochMilli());
            }
            w.writeEndArray();
            w.writeStartArray("joules");
            for (EnergySample s : samples) {
                w.writeDouble(s.joules());
            }
            w.writeEndArray();
            if (anyUtilization) {
                w.writeStartArray("utilizationPercent");
                for (EnergySample s : samples) {
                    if (s.utilizationPercent().isPresent()) {
                        w.writeDouble(s.utilizationPercent().getAsDouble());
                    } else {
                        w.writeNull();
                    }
                }
                w.writeEndArray();
            }
            if (anyProcesses) {
                w.writeStartArray("processes");
                for (EnergySample s : samples) {
                    w.writeStartArray();
                    for (ProcessSeen p : s.processes()) {
                        w.writeStartDocument();
                        w.writeInt64("pid", p.pid());
                        if (p.utilizationPercent().isPresent()) {
                            w.writeDouble(
                                    "utilizationPercent", p.utilizationPercent().getAsDouble());
                        }
                        if (!p.ancestors().isEmpty()) {
                            w.writeStartArray("ancestors");
                            for (long a : p.ancestors()) {
                                w.writeInt64(a);
                            }
                            w.writeEndArray();
                        }
                        w.writeEndDocument();
                    }
                    w.writeEndArray();
                }
                w.writeEndArray();
            }
            if (anyUsage) {
                w.writeStartArray("usage");
                for (EnergySample s : samples) {
                    if (s.usage().isPresent()) {
                        usage(w, s.usage().get());
                    } else {
                        w.writeNull();
                    }
                }
                w.writeEndArray();
            }
            w.writeEndDocument();
        }
        return new RawBsonDocument(out.toByteArray());
    }

    private static void usage(BsonBinaryWriter w, HostUsage u) {
        w.writeStartDocument();
        w.writeString("basis", u.basis().name());
        w.writeDouble("host", u.hostAmount());
        // Pids and their use in the map's own order, as the document form lists them.
        w.writeStartArray("pid");
        for (Long pid : u.byPid().keySet()) {
            w.writeInt64(pid);
        }
        w.writeEndArray();
        w.writeStartArray("use");
        for (Map.Entry<Long, Double> e : u.byPid().entrySet()) {
            w.writeDouble(e.getValue());
        }
        w.writeEndArray();
        w.writeBoolean("truncated", u.truncated());
        w.writeDouble("baseline", u.baselineJoules());
        w.writeEndDocument();
    }
}
