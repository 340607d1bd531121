package io.greenband.aggregator.adapter.persistence;

import io.greenband.aggregator.AggregatorException;
import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.emissions.CarbonIntensity;
import io.greenband.aggregator.core.emissions.Emissions;
import io.greenband.aggregator.core.emissions.IntensitySource;
import io.greenband.aggregator.core.objective.Direction;
import io.greenband.aggregator.core.objective.EnergyFigures;
import io.greenband.aggregator.core.objective.ObjectiveValue;
import io.greenband.aggregator.core.objective.ScoredTrial;
import io.greenband.aggregator.core.study.TrialResult;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.bson.Document;

/** Scored trials as documents ({@code _id} = study id / trial id # attempt). */
final class TrialDocuments {

    private TrialDocuments() {}

    static String id(String studyId, TrialKey key) {
        return studyId + "/" + key;
    }

    static Document toDocument(String studyId, TrialResult result) {
        ScoredTrial s = result.scored();
        List<Document> objectives = new ArrayList<>();
        for (ObjectiveValue v : s.values()) {
            objectives.add(
                    new Document("name", v.name())
                            .append("direction", v.direction().name())
                            .append("value", v.value().isPresent() ? v.value().getAsDouble() : null)
                            .append("substituted", v.substituted())
                            .append("note", v.note()));
        }
        Document doc =
                new Document("_id", id(studyId, s.key()))
                        .append("studyId", studyId)
                        .append("trialId", s.key().trialId())
                        .append("attempt", s.key().attempt())
                        .append("fidelity", s.fidelity())
                        .append("status", s.status().name())
                        .append("revision", s.revision())
                        .append("reason", s.reason())
                        .append("scoredAt", Date.from(s.scoredAt()))
                        .append("objectives", objectives)
                        .append("onTopFrontWhenScored", result.onTopFront())
                        .append("onFidelityFrontWhenScored", result.onFidelityFront());
        s.energy().ifPresent(e -> doc.append("energy", energy(e)));
        return doc;
    }

    private static Document energy(EnergyFigures e) {
        Emissions em = e.emissions();
        CarbonIntensity ci = em.intensity();
        Document d =
                new Document("trainJoules", e.trainJoules())
                        .append("windowJoules", e.windowJoules())
                        .append("partial", e.partial())
                        .append("estimated", e.estimated())
                        .append(
                                "byComponent",
                                new Document(
                                        new java.util.LinkedHashMap<String, Object>(
                                                e.byComponent())))
                        .append(
                                "basis",
                                new Document(
                                        new java.util.LinkedHashMap<String, Object>(e.basis())))
                        .append("otherJoules", e.otherJoules())
                        .append("itKwh", em.itKwh())
                        .append("pue", em.pue())
                        .append("facilityKwh", em.facilityKwh())
                        .append("gpuKwh", em.gpuKwh())
                        .append("cpuKwh", em.cpuKwh())
                        .append("ramKwh", em.ramKwh())
                        .append("emissionsGrams", em.gramsCo2eq())
                        .append(
                                "intensity",
                                new Document("gramsPerKwh", ci.gramsPerKwh())
                                        .append("source", ci.source().name())
                                        .append("zone", ci.zone())
                                        .append("year", ci.year())
                                        .append("reference", ci.reference()));
        e.inferenceJoules().ifPresent(v -> d.append("inferenceJoules", v));
        e.inferenceJoulesPer1k().ifPresent(v -> d.append("inferenceJoulesPer1k", v));
        return d;
    }

    private static Emissions emissions(Document e) {
        Document ci = e.get("intensity", Document.class);
        CarbonIntensity intensity =
                new CarbonIntensity(
                        ci.get("gramsPerKwh", Number.class).doubleValue(),
                        IntensitySource.valueOf(ci.getString("source")),
                        ci.getString("zone"),
                        ci.getString("year"),
                        ci.getString("reference"));
        return new Emissions(
                number(e, "itKwh"),
                number(e, "pue"),
                number(e, "facilityKwh"),
                number(e, "gpuKwh"),
                number(e, "cpuKwh"),
                number(e, "ramKwh"),
                number(e, "emissionsGrams"),
                intensity);
    }

    /**
     * {@code <component> <basis>, ...; measured|estimated; complete|partial} of a stored energy
     * document.
     */
    static String basisSummary(Document energy) {
        StringBuilder b = new StringBuilder();
        Document basis = energy.get("basis", Document.class);
        if (basis != null) {
            basis.forEach(
                    (component, how) ->
                            b.append(b.length() == 0 ? "" : ", ")
                                    .append(component)
                                    .append(' ')
                                    .append(how));
        }
        if (b.length() == 0) {
            // Scored before bases were recorded: host energy was then shared by time among the
            // trials running.
            b.append("basis not recorded");
        }
        b.append(
                Boolean.TRUE.equals(energy.getBoolean("estimated")) ? "; estimated" : "; measured");
        b.append(Boolean.TRUE.equals(energy.getBoolean("partial")) ? "; partial" : "; complete");
        return b.toString();
    }

    private static double number(Document d, String field) {
        Number n = d.get(field, Number.class);
        if (n == null) {
            throw new IllegalArgumentException("field " + field + " is missing");
        }
        return n.doubleValue();
    }

    static StoredTrial fromDocument(Document doc) {
        try {
            List<ObjectiveValue> objectives = new ArrayList<>();
            for (Document o : doc.getList("objectives", Document.class)) {
                Number v = o.get("value", Number.class);
                objectives.add(
                        new ObjectiveValue(
                                o.getString("name"),
                                Direction.valueOf(o.getString("direction")),
                                v == null
                                        ? OptionalDouble.empty()
                                        : OptionalDouble.of(v.doubleValue()),
                                o.getBoolean("substituted"),
                                o.getString("note")));
            }
            Document energy = doc.get("energy", Document.class);
            return new StoredTrial(
                    doc.getString("studyId"),
                    new TrialKey(
                            doc.getString("trialId"), doc.get("attempt", Number.class).intValue()),
                    doc.get("fidelity", Number.class).doubleValue(),
                    doc.getString("status"),
                    doc.get("revision", Number.class).intValue(),
                    objectives,
                    doc.getString("reason"),
                    doc.getDate("scoredAt").toInstant(),
                    doc.getBoolean("onTopFrontWhenScored"),
                    energy == null
                            ? OptionalDouble.empty()
                            : OptionalDouble.of(
                                    energy.get("emissionsGrams", Number.class).doubleValue()),
                    energy == null
                            ? OptionalDouble.empty()
                            : OptionalDouble.of(
                                    energy.get("trainJoules", Number.class).doubleValue()),
                    energy == null ? Optional.empty() : Optional.of(emissions(energy)),
                    energy == null ? Optional.empty() : Optional.of(basisSummary(energy)));
        } catch (RuntimeException e) {
            throw AggregatorException.malformed(
                    "trial document " + doc.get("_id") + " is malformed: " + e.getMessage(), e);
        }
    }
}
