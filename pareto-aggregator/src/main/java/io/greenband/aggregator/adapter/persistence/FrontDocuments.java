package io.greenband.aggregator.adapter.persistence;

import io.greenband.aggregator.AggregatorException;
import io.greenband.pareto.HypervolumeFrame;
import io.greenband.pareto.HypervolumeHistory;
import io.greenband.pareto.ParetoPoint;
import io.greenband.pareto.TrackedFront;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Fronts ({@code _id} = study id / fidelity) and hypervolume history entries ({@code _id} = study
 * id / fidelity / index) as documents.
 */
final class FrontDocuments {

    private FrontDocuments() {}

    static String frontId(String studyId, double fidelity) {
        return studyId + "/" + fidelity;
    }

    static Document front(
            String studyId, double fidelity, boolean top, TrackedFront front, Instant at) {
        List<Document> members = new ArrayList<>();
        for (ParetoPoint p : front.members()) {
            members.add(new Document("id", p.id()).append("values", boxed(p.values())));
        }
        Document doc =
                new Document("_id", frontId(studyId, fidelity))
                        .append("studyId", studyId)
                        .append("fidelity", fidelity)
                        .append("top", top)
                        .append("members", members)
                        .append("observed", front.observed().size())
                        .append("hypervolume", front.hypervolume())
                        .append("updatedAt", Date.from(at));
        HypervolumeFrame frame = front.frame();
        if (frame != null) {
            doc.append(
                            "frame",
                            new Document("rule", frame.rule().name())
                                    .append("lower", boxed(frame.lower()))
                                    .append("scale", boxed(frame.scale()))
                                    .append("reference", boxed(frame.reference())))
                    .append("referenceInObjectiveUnits", boxed(frame.referenceInObjectiveUnits()));
        }
        return doc;
    }

    static StoredFront readFront(Document doc) {
        try {
            List<ParetoPoint> members = new ArrayList<>();
            for (Document m : doc.getList("members", Document.class)) {
                List<Double> values = m.getList("values", Double.class);
                members.add(
                        new ParetoPoint(
                                m.getString("id"),
                                values.stream().mapToDouble(Double::doubleValue).toArray()));
            }
            Document frame = doc.get("frame", Document.class);
            return new StoredFront(
                    doc.getString("studyId"),
                    doc.get("fidelity", Number.class).doubleValue(),
                    doc.getBoolean("top"),
                    members,
                    doc.get("hypervolume", Number.class).doubleValue(),
                    frame == null ? null : frame.getString("rule"),
                    doc.getList("referenceInObjectiveUnits", Double.class, List.of()),
                    doc.getDate("updatedAt").toInstant());
        } catch (RuntimeException e) {
            throw AggregatorException.malformed(
                    "front document " + doc.get("_id") + " is malformed: " + e.getMessage(), e);
        }
    }

    static Document hypervolume(
            String studyId, double fidelity, int index, HypervolumeHistory.Entry e) {
        return new Document("_id", frontId(studyId, fidelity) + "/" + index)
                .append("studyId", studyId)
                .append("fidelity", fidelity)
                .append("index", index)
                .append("sequence", e.sequence())
                .append("at", Date.from(e.at()))
                .append("pointId", e.pointId())
                .append("frontSize", e.frontSize())
                .append("hypervolume", e.hypervolume())
                // Values of different derived frames are not comparable: each entry says which
                // frame it is in.
                .append("frame", e.frame().rule().name())
                .append("referenceInObjectiveUnits", boxed(e.frame().referenceInObjectiveUnits()));
    }

    static StoredHypervolume readHypervolume(Document doc) {
        try {
            return new StoredHypervolume(
                    doc.get("index", Number.class).intValue(),
                    doc.getDate("at").toInstant(),
                    doc.getString("pointId"),
                    doc.get("frontSize", Number.class).intValue(),
                    doc.get("hypervolume", Number.class).doubleValue(),
                    doc.getString("frame"),
                    doc.getList("referenceInObjectiveUnits", Double.class, List.of()));
        } catch (RuntimeException e) {
            throw AggregatorException.malformed(
                    "hypervolume document " + doc.get("_id") + " is malformed: " + e.getMessage(),
                    e);
        }
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
