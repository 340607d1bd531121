package io.greenband.aggregator.adapter.persistence;

import io.greenband.aggregator.AggregatorException;
import io.greenband.aggregator.core.attribution.Component;
import io.greenband.aggregator.core.attribution.DeviceEnergy;
import io.greenband.aggregator.core.attribution.ShareBasis;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.attribution.TrialKey;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * Attributed trial energy as documents ({@code _id} = trial id # attempt), device breakdown
 * included.
 */
final class TrialEnergyDocuments {

    private TrialEnergyDocuments() {}

    static Document toDocument(TrialEnergy e) {
        List<Document> devices = new ArrayList<>();
        for (DeviceEnergy d : e.devices()) {
            devices.add(
                    new Document("device", d.device())
                            .append("component", d.component().wireName())
                            .append("joules", d.joules())
                            .append("coveredSeconds", d.coveredSeconds())
                            .append("gapSeconds", d.gapSeconds())
                            .append("shared", d.shared())
                            .append("basis", d.basis().stream().map(Enum::name).toList())
                            .append("otherJoules", d.otherJoules()));
        }
        return new Document("_id", e.key().toString())
                .append("trialId", e.key().trialId())
                .append("attempt", e.key().attempt())
                .append("host", e.host())
                .append("from", Date.from(e.from()))
                .append("to", Date.from(e.to()))
                .append("totalJoules", e.totalJoules())
                .append("partial", e.partial())
                .append("finalized", e.finalized())
                .append("devices", devices);
    }

    static TrialEnergy fromDocument(Document doc) {
        try {
            List<DeviceEnergy> devices = new ArrayList<>();
            for (Document d : doc.getList("devices", Document.class)) {
                // Documents written before bases were recorded have none.
                List<String> basis = d.getList("basis", String.class, List.of());
                Number other = d.get("otherJoules", Number.class);
                devices.add(
                        new DeviceEnergy(
                                d.getString("device"),
                                Component.fromWireName(d.getString("component")),
                                d.get("joules", Number.class).doubleValue(),
                                d.get("coveredSeconds", Number.class).doubleValue(),
                                d.get("gapSeconds", Number.class).doubleValue(),
                                d.getBoolean("shared"),
                                basis.stream().map(ShareBasis::valueOf).collect(Collectors.toSet()),
                                other == null ? 0 : other.doubleValue()));
            }
            return new TrialEnergy(
                    new TrialKey(
                            doc.getString("trialId"), doc.get("attempt", Number.class).intValue()),
                    doc.getString("host"),
                    doc.getDate("from").toInstant(),
                    doc.getDate("to").toInstant(),
                    devices,
                    doc.getBoolean("partial"),
                    doc.getBoolean("finalized"));
        } catch (RuntimeException e) {
            throw AggregatorException.malformed(
                    "trial energy document " + doc.get("_id") + " is malformed: " + e.getMessage(),
                    e);
        }
    }
}
