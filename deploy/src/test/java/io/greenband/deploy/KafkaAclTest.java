package io.greenband.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenband.events.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In the secure overlays every principal may do exactly its part of the event flow and nothing
 * more. The flow is written down here, topic by topic, as docs/architecture.md gives it; each
 * KafkaUser's ACLs must equal what the flow derives for it, so a principal allowed to write (or
 * read) a topic it has no business with fails.
 */
class KafkaAclTest {

    static final String OPERATOR = "greenband-operator";
    static final String SUGGESTER = "greenband-suggester";
    static final String TRAINER = "greenband-trainer";
    static final String MONITOR = "greenband-energy-monitor";
    static final String AGGREGATOR = "greenband-pareto-aggregator";
    static final String PRODUCER = "greenband-producer";
    static final String KEDA = "greenband-keda";

    /** Who writes and who reads one topic. */
    record Flow(Set<String> writers, Set<String> readers) {}

    /**
     * The event flow. {@code studies}: the operator defines and stops studies; the suggester also
     * writes there, only the StudyStopped of a study whose budget is spent (Kafka ACLs cannot tell
     * event types apart).
     */
    static final Map<Topic, Flow> FLOW =
            Map.of(
                    Topic.STUDIES,
                            new Flow(
                                    Set.of(OPERATOR, SUGGESTER),
                                    Set.of(OPERATOR, SUGGESTER, TRAINER, AGGREGATOR, PRODUCER)),
                    Topic.TRIAL_SUGGESTED,
                            new Flow(Set.of(SUGGESTER), Set.of(OPERATOR, SUGGESTER, TRAINER)),
                    Topic.TRIAL_STARTED,
                            new Flow(Set.of(TRAINER), Set.of(OPERATOR, SUGGESTER, AGGREGATOR)),
                    Topic.TRIAL_PROGRESS,
                            new Flow(Set.of(TRAINER), Set.of(OPERATOR, SUGGESTER, AGGREGATOR)),
                    Topic.TRIAL_FINISHED,
                            new Flow(
                                    Set.of(TRAINER),
                                    Set.of(OPERATOR, SUGGESTER, AGGREGATOR, PRODUCER)),
                    Topic.ENERGY_SAMPLE, new Flow(Set.of(MONITOR), Set.of(OPERATOR, AGGREGATOR)),
                    Topic.OBJECTIVE_REPORTED,
                            new Flow(Set.of(PRODUCER), Set.of(OPERATOR, AGGREGATOR)),
                    Topic.TRIAL_SCORED, new Flow(Set.of(AGGREGATOR), Set.of(OPERATOR, SUGGESTER)),
                    // Every principal that consumes may dead-letter what it cannot process; the
                    // monitor consumes nothing.
                    Topic.DEAD_LETTER,
                            new Flow(
                                    Set.of(SUGGESTER, TRAINER, AGGREGATOR, PRODUCER),
                                    Set.of(OPERATOR)));

    /**
     * Consumer groups: the trainers' shared group, the aggregator's per-channel groups, KEDA's view
     * of the lag.
     */
    static final Map<String, List<String>> GROUPS =
            Map.of(
                    TRAINER,
                            List.of(
                                    "group:greenband-trainer:literal:Read",
                                    "group:greenband-trainer:literal:Describe"),
                    AGGREGATOR,
                            List.of(
                                    "group:greenband-pareto-aggregator-:prefix:Read",
                                    "group:greenband-pareto-aggregator-:prefix:Describe"),
                    KEDA,
                            List.of(
                                    "group:greenband-trainer:literal:Describe",
                                    "topic:trial-suggested:literal:Describe"));

    static Stream<String> secureOverlays() {
        return Stream.of(Repository.OVERLAYS)
                .filter(o -> !Kustomize.render(o).ofKind("KafkaUser").isEmpty());
    }

    /** principal → its ACLs as {@code type:name:pattern:operation}. */
    static Map<String, Set<String>> expected() {
        Map<String, Set<String>> acls = new TreeMap<>();
        FLOW.forEach(
                (topic, flow) -> {
                    for (String w : flow.writers()) {
                        acls.computeIfAbsent(w, k -> new TreeSet<>())
                                .addAll(Set.of(topic(topic, "Write"), topic(topic, "Describe")));
                    }
                    for (String r : flow.readers()) {
                        acls.computeIfAbsent(r, k -> new TreeSet<>())
                                .addAll(Set.of(topic(topic, "Read"), topic(topic, "Describe")));
                    }
                });
        GROUPS.forEach((p, g) -> acls.computeIfAbsent(p, k -> new TreeSet<>()).addAll(g));
        return acls;
    }

    private static String topic(Topic topic, String operation) {
        return "topic:" + topic.defaultName() + ":literal:" + operation;
    }

    /** The rendered KafkaUsers' ACLs, in the same form. */
    static Map<String, Set<String>> declared(Rendered r) {
        Map<String, Set<String>> acls = new TreeMap<>();
        for (JsonNode user : r.ofKind("KafkaUser")) {
            Set<String> own =
                    acls.computeIfAbsent(
                            user.path("metadata").path("name").asText(), k -> new TreeSet<>());
            assertThat(user.path("spec").path("authorization").path("type").asText())
                    .isEqualTo("simple");
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode res = acl.path("resource");
                assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
                for (JsonNode op : acl.path("operations")) {
                    own.add(
                            res.path("type").asText()
                                    + ":"
                                    + res.path("name").asText()
                                    + ":"
                                    + res.path("patternType").asText("literal")
                                    + ":"
                                    + op.asText());
                }
            }
        }
        return acls;
    }

    @ParameterizedTest
    @MethodSource("secureOverlays")
    void everyPrincipalMayDoExactlyItsPartOfTheEventFlow(String overlay) {
        Rendered r = Kustomize.render(overlay);
        assertThat(
                        r.ofKind("Kafka")
                                .get(0)
                                .path("spec")
                                .path("kafka")
                                .path("authorization")
                                .path("type")
                                .asText())
                .as("the broker enforces the ACLs")
                .isEqualTo("simple");
        assertThat(declared(r)).isEqualTo(expected());
    }

    @Test
    void theFlowGivesStudiesTrialScoredAndEnergySamplesTheirOnlyWriters() {
        Map<String, Set<String>> acls = expected();
        assertThat(writersOf(acls, Topic.STUDIES)).containsExactlyInAnyOrder(OPERATOR, SUGGESTER);
        assertThat(writersOf(acls, Topic.TRIAL_SCORED)).containsExactly(AGGREGATOR);
        assertThat(writersOf(acls, Topic.ENERGY_SAMPLE)).containsExactly(MONITOR);
        assertThat(acls.get(MONITOR)).allMatch(a -> a.startsWith("topic:energy-sample:"));
        assertThat(acls.get(AGGREGATOR)).doesNotContain(topic(Topic.STUDIES, "Write"));
        assertThat(acls.get(TRAINER))
                .doesNotContain(topic(Topic.STUDIES, "Write"), topic(Topic.TRIAL_SCORED, "Write"));
        assertThat(FLOW.keySet()).containsExactlyInAnyOrder(Topic.values());
    }

    @Test
    void aTrainerAllowedToWriteStudiesFailsTheCheck() {
        Rendered secure = Kustomize.render("secure");
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode o : secure.objects()) {
            if (o.path("kind").asText().equals("KafkaUser")
                    && o.path("metadata").path("name").asText().equals(TRAINER)) {
                ObjectNode copy = o.deepCopy();
                ObjectNode forged =
                        ((ArrayNode) copy.path("spec").path("authorization").path("acls"))
                                .addObject();
                forged.putObject("resource")
                        .put("type", "topic")
                        .put("name", "studies")
                        .put("patternType", "literal");
                forged.putArray("operations").add("Write");
                objects.add(copy);
            } else {
                objects.add(o);
            }
        }
        Map<String, Set<String>> declared = declared(new Rendered(objects));

        assertThat(declared).isNotEqualTo(expected());
        assertThat(declared.get(TRAINER)).contains("topic:studies:literal:Write");
    }

    private static Set<String> writersOf(Map<String, Set<String>> acls, Topic topic) {
        Set<String> writers = new TreeSet<>();
        acls.forEach(
                (p, a) -> {
                    if (a.contains(topic(topic, "Write"))) {
                        writers.add(p);
                    }
                });
        return writers;
    }
}
