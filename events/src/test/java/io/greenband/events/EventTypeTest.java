package io.greenband.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenband.events.codec.EventSchemas;
import io.greenband.events.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeNamesTopicAndSchemaFollowTheConvention(EventType type) {
        assertThat(type.ceType()).isEqualTo("io.greenband." + type.kebabName() + ".v1");
        assertThat(EventType.fromCeType(type.ceType())).contains(type);
        assertThat(
                        io.greenband.events.payload.PayloadTypes.typeOf(
                                io.greenband.events.payload.PayloadTypes.classOf(type)))
                .isEqualTo(type);
        assertThat(SampleEvents.of(type).type()).isEqualTo(type);
        assertThat(type.schemaResource()).isEqualTo("schemas/" + type.kebabName() + ".v1.json");
        JsonNode schema = EventSchemas.get().schema(type);
        assertThat(schema.get("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("title").asText()).isEqualTo(type.ceType());
        assertThat(additionalPropertiesFalse(schema, "", new ArrayList<>()))
                .as("forward compatibility")
                .isEmpty();
    }

    @Test
    void eachTopicCarriesTheTypesOfDesignSection3() {
        assertThat(EventType.on(Topic.STUDIES))
                .containsExactly(EventType.STUDY_DEFINED, EventType.STUDY_STOPPED);
        assertThat(EventType.on(Topic.TRIAL_SUGGESTED)).containsExactly(EventType.TRIAL_SUGGESTED);
        assertThat(EventType.on(Topic.ENERGY_SAMPLE)).containsExactly(EventType.ENERGY_SAMPLE);
        assertThat(EventType.on(Topic.DEAD_LETTER)).containsExactly(EventType.DEAD_LETTER);
        for (Topic t : Topic.values()) {
            assertThat(EventType.on(t)).as(t.name()).isNotEmpty();
        }
        assertThat(EventType.fromCeType("io.greenband.trial-finished.v2")).isEmpty();
    }

    @Test
    void keysFollowDesignSection3() {
        assertThat(SampleEvents.trialSuggested().key()).isEqualTo(SampleEvents.TRIAL_ID);
        assertThat(SampleEvents.trialFinished().key()).isEqualTo(SampleEvents.STUDY_ID);
        assertThat(SampleEvents.studyDefined().key()).isEqualTo(SampleEvents.STUDY_ID);
        assertThat(SampleEvents.energySample().key())
                .isEqualTo(SampleEvents.HOST + "/" + SampleEvents.GPU);
        assertThat(SampleEvents.deadLetter().key()).isEqualTo(SampleEvents.STUDY_ID);
    }

    private static List<String> additionalPropertiesFalse(
            JsonNode node, String at, List<String> found) {
        if (node.isObject()) {
            if (node.has("additionalProperties")
                    && node.get("additionalProperties").isBoolean()
                    && !node.get("additionalProperties").asBoolean()) {
                found.add(at);
            }
            node.fields()
                    .forEachRemaining(
                            e ->
                                    additionalPropertiesFalse(
                                            e.getValue(), at + "/" + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                additionalPropertiesFalse(node.get(i), at + "/" + i, found);
            }
        }
        return found;
    }
}
