package io.greenband.aggregator.adapter.messaging;

import static io.greenband.aggregator.adapter.messaging.ChaosRecords.BASE;
import static io.greenband.aggregator.adapter.messaging.ChaosRecords.T;
import static io.greenband.aggregator.adapter.messaging.ChaosRecords.categorical;
import static io.greenband.aggregator.adapter.messaging.ChaosRecords.withHeader;
import static io.greenband.aggregator.adapter.messaging.ChaosRecords.withValue;
import static io.greenband.aggregator.adapter.messaging.ChaosRecords.withoutHeaders;

import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The hostile records of the aggregator's chaos suite, each with the dead-letter reason it must
 * get.
 */
final class ChaosTable {

    /** The topics the aggregator consumes. */
    static final List<Topic> CONSUMED =
            List.of(
                    Topic.STUDIES,
                    Topic.TRIAL_STARTED,
                    Topic.TRIAL_PROGRESS,
                    Topic.TRIAL_FINISHED,
                    Topic.OBJECTIVE_REPORTED,
                    Topic.ENERGY_SAMPLE);

    /**
     * One hostile record.
     *
     * @param name what it is
     * @param topic the topic it is sent to
     * @param reason the dead-letter kind it must get
     * @param record the record
     */
    record Row(String name, Topic topic, String reason, ProducerRecord<String, byte[]> record) {}

    /**
     * Events published before the table: the base study, a finished trial b0, a started trial b1
     * and sample 5.
     */
    static List<GreenbandEvent> setUp(ChaosRecords r) {
        return List.of(
                r.study(BASE),
                r.suggested(BASE, "b0"),
                r.started(BASE, "b0", T),
                r.finished(BASE, "b0", T, T.plusSeconds(60), 0.3),
                r.suggested(BASE, "b1"),
                r.started(BASE, "b1", T),
                r.suggested(BASE, "p0"),
                r.sample(5, 1000, 100));
    }

    static List<Row> rows(ChaosRecords r) {
        List<Row> rows = new ArrayList<>();
        for (Topic t : CONSUMED) {
            GreenbandEvent e = r.typical(t);
            String n = t.defaultName() + ": ";
            rows.add(
                    new Row(
                            n + "not JSON",
                            t,
                            "MALFORMED_JSON",
                            withValue(r.record(e), "{not json".getBytes(StandardCharsets.UTF_8))));
            rows.add(
                    new Row(
                            n + "empty value",
                            t,
                            "EMPTY_VALUE",
                            withValue(r.record(e), new byte[0])));
            rows.add(new Row(n + "tombstone", t, "TOMBSTONE", withValue(r.record(e), null)));
            rows.add(new Row(n + "no headers", t, "MISSING_HEADER", withoutHeaders(r.record(e))));
            GreenbandEvent other =
                    t == Topic.TRIAL_PROGRESS
                            ? r.started(BASE, "b0", T)
                            : r.progress(BASE, "b1", 9);
            rows.add(new Row(n + "type of another topic", t, "WRONG_TYPE", r.onTopic(other, t)));
            rows.add(
                    new Row(
                            n + "ce_time not a timestamp",
                            t,
                            "BAD_ENVELOPE",
                            withHeader(
                                    r.record(e), "ce_time", "2026-12-07T16:45:44.250920148Z |")));
            rows.add(
                    new Row(
                            n + "ce_specversion 0.3",
                            t,
                            "BAD_ENVELOPE",
                            withHeader(r.record(e), "ce_specversion", "0.3")));
            rows.add(
                    new Row(
                            n + "ce_subject of 4 KB",
                            t,
                            "TOO_LARGE",
                            withHeader(r.record(e), "ce_subject", "s".repeat(4096))));
        }
        rows.add(
                new Row(
                        "studies: 100,000 choices",
                        Topic.STUDIES,
                        "STUDY_LIMIT",
                        r.studyWithSpace("chaos-huge", hps -> categorical(hps, "big", 100_000))));
        rows.add(
                new Row(
                        "studies: 201 hyperparameters",
                        Topic.STUDIES,
                        "STUDY_LIMIT",
                        r.studyWithSpace(
                                "chaos-wide",
                                hps -> {
                                    for (int i = 0; i < 201; i++) {
                                        categorical(hps, "h" + i, 2);
                                    }
                                })));
        rows.add(
                new Row(
                        "studies: empty space",
                        Topic.STUDIES,
                        "INVALID_STUDY",
                        r.studyWithSpace("chaos-empty", hps -> {})));
        rows.add(
                new Row(
                        "studies: objectives not a list",
                        Topic.STUDIES,
                        "SCHEMA_VIOLATION",
                        r.edited(r.study("chaos-schema"), j -> j.put("objectives", "x"))));
        rows.add(
                new Row(
                        "studies: redefinition with another seed",
                        Topic.STUDIES,
                        "CONFLICT",
                        r.edited(r.study(BASE), j -> j.put("seed", 99))));
        rows.add(
                new Row(
                        "trial-started: unknown study",
                        Topic.TRIAL_STARTED,
                        "UNKNOWN_STUDY",
                        r.record(r.started("no-such-study", "x1", T))));
        rows.add(
                new Row(
                        "trial-started: never suggested",
                        Topic.TRIAL_STARTED,
                        "UNKNOWN_TRIAL",
                        r.record(r.started(BASE, "never", T))));
        rows.add(
                new Row(
                        "trial-started: again after the trial finished",
                        Topic.TRIAL_STARTED,
                        "OUT_OF_ORDER",
                        r.record(r.started(BASE, "b0", T.plusSeconds(5)))));
        rows.add(
                new Row(
                        "trial-started: fidelity a string",
                        Topic.TRIAL_STARTED,
                        "SCHEMA_VIOLATION",
                        r.edited(r.started(BASE, "b1", T), j -> j.put("fidelity", "high"))));
        rows.add(
                new Row(
                        "trial-progress: trial never started",
                        Topic.TRIAL_PROGRESS,
                        "UNKNOWN_TRIAL",
                        r.record(r.progress(BASE, "p0", 1))));
        rows.add(
                new Row(
                        "trial-progress: NaN metric",
                        Topic.TRIAL_PROGRESS,
                        "MALFORMED_JSON",
                        r.replaced(r.progress(BASE, "b1", 2), "0.5", "NaN")));
        rows.add(
                new Row(
                        "trial-progress: negative epoch",
                        Topic.TRIAL_PROGRESS,
                        "SCHEMA_VIOLATION",
                        r.edited(r.progress(BASE, "b1", 3), j -> j.put("epoch", -3))));
        rows.add(
                new Row(
                        "trial-finished: never suggested",
                        Topic.TRIAL_FINISHED,
                        "UNKNOWN_TRIAL",
                        r.record(r.finished(BASE, "ghost", T, T.plusSeconds(60), 0.1))));
        rows.add(
                new Row(
                        "trial-finished: unknown study",
                        Topic.TRIAL_FINISHED,
                        "UNKNOWN_STUDY",
                        r.record(r.finished("no-such-study", "b1", T, T.plusSeconds(60), 0.1))));
        rows.add(
                new Row(
                        "trial-finished: ends before it started",
                        Topic.TRIAL_FINISHED,
                        "OUT_OF_ORDER",
                        r.record(
                                r.finished(
                                        BASE,
                                        "b1",
                                        T.minusSeconds(100),
                                        T.minusSeconds(50),
                                        0.1))));
        rows.add(
                new Row(
                        "trial-finished: same id, other metrics",
                        Topic.TRIAL_FINISHED,
                        "CONFLICT",
                        r.record(r.finished(BASE, "b0", T, T.plusSeconds(60), 0.0001))));
        rows.add(
                new Row(
                        "trial-finished: error of 1e400",
                        Topic.TRIAL_FINISHED,
                        "INVALID_VALUE",
                        r.replaced(
                                r.finished(BASE, "b1", T, T.plusSeconds(60), 0.25),
                                "0.25",
                                "1e400")));
        rows.add(
                new Row(
                        "objective-reported: unknown study",
                        Topic.OBJECTIVE_REPORTED,
                        "UNKNOWN_STUDY",
                        r.record(r.objective("no-such-study", "b1", "latency"))));
        rows.add(
                new Row(
                        "objective-reported: unknown trial",
                        Topic.OBJECTIVE_REPORTED,
                        "UNKNOWN_TRIAL",
                        r.record(r.objective(BASE, "ghost", "latency"))));
        rows.add(
                new Row(
                        "objective-reported: value -Infinity",
                        Topic.OBJECTIVE_REPORTED,
                        "INVALID_VALUE",
                        r.replaced(r.objective(BASE, "b1", "throughput"), "1.5", "-1e400")));
        rows.add(
                new Row(
                        "energy-sample: 1e300 J",
                        Topic.ENERGY_SAMPLE,
                        "IMPLAUSIBLE",
                        r.record(r.sample(2, 1e300, 100))));
        rows.add(
                new Row(
                        "energy-sample: 1 GW average",
                        Topic.ENERGY_SAMPLE,
                        "IMPLAUSIBLE",
                        r.record(r.sample(3, 1000, 1e9))));
        rows.add(
                new Row(
                        "energy-sample: same id, other energy",
                        Topic.ENERGY_SAMPLE,
                        "CONFLICT",
                        r.record(r.sample(5, 1500, 100))));
        rows.add(
                new Row(
                        "energy-sample: negative energy",
                        Topic.ENERGY_SAMPLE,
                        "SCHEMA_VIOLATION",
                        r.replaced(
                                r.sample(4, 1000, 100),
                                "\"energyJoules\":1000.0",
                                "\"energyJoules\":-1000.0")));
        return rows;
    }

    private ChaosTable() {}
}
