package io.greenband.aggregator.adapter.persistence;

import io.greenband.aggregator.AggregatorException;
import io.greenband.aggregator.core.attribution.Component;
import io.greenband.aggregator.core.attribution.EnergySample;
import io.greenband.aggregator.core.attribution.ProcessSeen;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalDouble;
import org.bson.Document;

/**
 * Energy samples as documents ({@code _id} = sample id). Times are stored as BSON dates, i.e. to the
 * millisecond, the precision the monitor publishes.
 */
final class SampleDocuments {

  private SampleDocuments() {
  }

  static Document toDocument(EnergySample s) {
    List<Document> processes = new ArrayList<>();
    for (ProcessSeen p : s.processes()) {
      Document d = new Document("pid", p.pid());
      p.utilizationPercent().ifPresent(u -> d.append("utilizationPercent", u));
      processes.add(d);
    }
    Document doc = new Document("_id", s.sampleId())
        .append("host", s.host())
        .append("device", s.device())
        .append("component", s.component().wireName())
        .append("windowStart", Date.from(s.windowStart()))
        .append("windowEnd", Date.from(s.windowEnd()))
        .append("joules", s.joules())
        .append("processes", processes);
    s.utilizationPercent().ifPresent(u -> doc.append("utilizationPercent", u));
    return doc;
  }

  static EnergySample fromDocument(Document doc) {
    try {
      List<ProcessSeen> processes = new ArrayList<>();
      for (Document p : doc.getList("processes", Document.class, List.of())) {
        Number u = p.get("utilizationPercent", Number.class);
        processes.add(new ProcessSeen(p.get("pid", Number.class).longValue(),
            u == null ? OptionalDouble.empty() : OptionalDouble.of(u.doubleValue())));
      }
      Number u = doc.get("utilizationPercent", Number.class);
      return new EnergySample(doc.getString("_id"), doc.getString("host"), doc.getString("device"),
          Component.fromWireName(doc.getString("component")), doc.getDate("windowStart").toInstant(),
          doc.getDate("windowEnd").toInstant(), doc.get("joules", Number.class).doubleValue(),
          u == null ? OptionalDouble.empty() : OptionalDouble.of(u.doubleValue()), processes);
    } catch (RuntimeException e) {
      throw AggregatorException.malformed("energy sample document " + doc.get("_id") + " is malformed: "
          + e.getMessage(), e);
    }
  }
}
