package io.greenband.aggregator.adapter.persistence;

import io.greenband.aggregator.core.export.MachineFacts;
import java.util.Date;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.bson.Document;

/** {@link MachineFacts} ↔ one document of the {@code machines} view, keyed by host. */
final class MachineDocuments {

    private MachineDocuments() {}

    static Document toDocument(MachineFacts m) {
        Document d =
                new Document("_id", m.host())
                        .append("os", m.os())
                        .append("cpuModel", m.cpuModel())
                        .append("gpuModel", m.gpuModel())
                        .append("country", m.country())
                        .append("region", m.region())
                        .append("learnedAt", Date.from(m.learnedAt()));
        m.cpuCount().ifPresent(n -> d.append("cpuCount", n));
        m.memTotalBytes().ifPresent(n -> d.append("memTotalBytes", n));
        m.gpuCount().ifPresent(n -> d.append("gpuCount", n));
        return d;
    }

    static MachineFacts fromDocument(Document d) {
        Number cpus = d.get("cpuCount", Number.class);
        Number mem = d.get("memTotalBytes", Number.class);
        Number gpus = d.get("gpuCount", Number.class);
        return new MachineFacts(
                d.getString("_id"),
                d.getString("os"),
                d.getString("cpuModel"),
                cpus == null ? OptionalInt.empty() : OptionalInt.of(cpus.intValue()),
                mem == null ? OptionalLong.empty() : OptionalLong.of(mem.longValue()),
                d.getString("gpuModel"),
                gpus == null ? OptionalInt.empty() : OptionalInt.of(gpus.intValue()),
                d.getString("country"),
                d.getString("region"),
                d.getDate("learnedAt").toInstant());
    }
}
