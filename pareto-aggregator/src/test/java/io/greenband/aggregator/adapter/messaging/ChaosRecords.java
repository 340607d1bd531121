package io.greenband.aggregator.adapter.messaging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenband.aggregator.driver.FlowScript;
import io.greenband.events.SampleEvents;
import io.greenband.events.codec.EventJson;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.ObjectiveReported;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialProgress;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builders of good and hostile records for the aggregator's chaos suite: events of one base study,
 * then mutated.
 */
final class ChaosRecords {

    static final String BASE = "chaos-base";
    static final Instant T = SampleEvents.T0.plusSeconds(7 * 3600);

    final EventCodec codec;
    final TopicRegistry topics;

    ChaosRecords(EventCodec codec, TopicRegistry topics) {
        this.codec = codec;
        this.topics = topics;
    }

    StudyDefined study(String id) {
        return new FlowScript(id, T).study();
    }

    TrialSuggested suggested(String study, String trial) {
        return new TrialSuggested(
                study,
                trial,
                1,
                "cfg-" + trial,
                SampleEvents.config(),
                18.0,
                0,
                0,
                7L,
                600,
                "test",
                "fp",
                T.minusSeconds(1));
    }

    TrialStarted started(String study, String trial, Instant at) {
        return new TrialStarted(
                study,
                trial,
                1,
                "trainer-0",
                "chaos-host",
                List.of("GPU-chaos"),
                4242,
                SampleEvents.config(),
                18.0,
                at);
    }

    TrialProgress progress(String study, String trial, int epoch) {
        return new TrialProgress(
                study, trial, 1, epoch, 10, Map.of("loss", 0.5), T.plusSeconds(epoch));
    }

    TrialFinished finished(String study, String trial, Instant from, Instant to, double error) {
        return new TrialFinished(
                study,
                trial,
                1,
                TrialStatus.SUCCEEDED,
                18.0,
                Map.of("val_error", error),
                from,
                to,
                "chaos-host",
                List.of("GPU-chaos"),
                "trainer-0",
                null,
                null);
    }

    ObjectiveReported objective(String study, String trial, String name) {
        return new ObjectiveReported(
                study, trial, 1, name, 1.5, "s", "chaos-producer", T.plusSeconds(30));
    }

    EnergySample sample(long seq, double joules, double watts) {
        Instant from = T.plusSeconds(10 * seq);
        return new EnergySample(
                "node-chaos",
                "chaos-sampler",
                EnergySample.Component.GPU,
                "GPU-sampler",
                "test GPU",
                0,
                EnergySample.Method.NVML_ENERGY_COUNTER,
                false,
                from,
                from.plusSeconds(10),
                10_000_000_000L,
                joules,
                null,
                null,
                null,
                0,
                false,
                watts,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                seq);
    }

    /** The good records after which the last one, on {@code topic}, must be processed. */
    List<GreenbandEvent> good(Topic topic, int k) {
        String trial = "good-" + k;
        return switch (topic) {
            case STUDIES -> List.of(study("chaos-good-" + k));
            case TRIAL_STARTED -> List.of(suggested(BASE, trial), started(BASE, trial, T));
            case TRIAL_PROGRESS ->
                    List.of(
                            suggested(BASE, trial),
                            started(BASE, trial, T),
                            progress(BASE, trial, 1));
            case TRIAL_FINISHED ->
                    List.of(
                            suggested(BASE, trial),
                            started(BASE, trial, T),
                            finished(BASE, trial, T, T.plusSeconds(60), 0.3));
            case OBJECTIVE_REPORTED ->
                    List.of(
                            suggested(BASE, trial),
                            started(BASE, trial, T),
                            objective(BASE, trial, "latency"));
            case ENERGY_SAMPLE -> List.of(sample(1000 + k, 1000, 100));
            default ->
                    throw new IllegalArgumentException("not consumed by the aggregator: " + topic);
        };
    }

    /** A good event of the topic's own type, to mutate. */
    GreenbandEvent typical(Topic topic) {
        return switch (topic) {
            case STUDIES -> study("chaos-mutant");
            case TRIAL_STARTED -> started(BASE, "b0", T);
            case TRIAL_PROGRESS -> progress(BASE, "b0", 1);
            case TRIAL_FINISHED -> finished(BASE, "b0", T, T.plusSeconds(60), 0.3);
            case OBJECTIVE_REPORTED -> objective(BASE, "b0", "latency");
            case ENERGY_SAMPLE -> sample(1, 1000, 100);
            default -> throw new IllegalArgumentException(topic.name());
        };
    }

    ProducerRecord<String, byte[]> record(GreenbandEvent e) {
        return codec.toRecord(e);
    }

    /** {@code e}'s record on another topic (a type that does not belong there). */
    ProducerRecord<String, byte[]> onTopic(GreenbandEvent e, Topic topic) {
        ProducerRecord<String, byte[]> r = record(e);
        return new ProducerRecord<>(topics.name(topic), null, r.key(), r.value(), r.headers());
    }

    static ProducerRecord<String, byte[]> withValue(
            ProducerRecord<String, byte[]> r, byte[] value) {
        return new ProducerRecord<>(r.topic(), null, r.key(), value, copy(r));
    }

    static ProducerRecord<String, byte[]> withHeader(
            ProducerRecord<String, byte[]> r, String name, String value) {
        RecordHeaders h = copy(r);
        h.remove(name);
        h.add(name, value.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(r.topic(), null, r.key(), r.value(), h);
    }

    static ProducerRecord<String, byte[]> withoutHeaders(ProducerRecord<String, byte[]> r) {
        return new ProducerRecord<>(r.topic(), null, r.key(), r.value(), new RecordHeaders());
    }

    /** {@code e}'s record with its JSON changed by {@code edit}. */
    ProducerRecord<String, byte[]> edited(GreenbandEvent e, Consumer<ObjectNode> edit) {
        ObjectNode json = (ObjectNode) EventJson.mapper().valueToTree(e);
        edit.accept(json);
        return withValue(record(e), json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code e}'s record with {@code from} replaced by {@code to} in its JSON text (for tokens JSON
     * cannot hold).
     */
    ProducerRecord<String, byte[]> replaced(GreenbandEvent e, String from, String to) {
        String json = new String(codec.toJson(e), StandardCharsets.UTF_8);
        if (!json.contains(from)) {
            throw new IllegalArgumentException(from + " not in " + json);
        }
        return withValue(record(e), json.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    /** A study whose space is {@code hyperparameters}. */
    ProducerRecord<String, byte[]> studyWithSpace(String id, Consumer<ArrayNode> hyperparameters) {
        return edited(
                study(id),
                json -> {
                    ArrayNode hps = ((ObjectNode) json.get("space")).putArray("hyperparameters");
                    hyperparameters.accept(hps);
                });
    }

    static ObjectNode categorical(ArrayNode into, String name, int choices) {
        ObjectNode hp = into.addObject();
        hp.put("name", name).put("type", "categorical");
        ArrayNode c = hp.putArray("choices");
        for (int i = 0; i < choices; i++) {
            c.add("x" + i);
        }
        hp.put("default_value", "x0");
        return hp;
    }

    private static RecordHeaders copy(ProducerRecord<String, byte[]> r) {
        RecordHeaders h = new RecordHeaders();
        for (Header x : r.headers()) {
            h.add(x.key(), x.value());
        }
        return h;
    }
}
