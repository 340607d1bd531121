package io.greenband.events.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenband.events.EventType;
import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.codec.EventJson;
import io.greenband.events.codec.PayloadCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a study may be: refused fast, with the limit and the setting named; the next good study
 * still reads.
 */
class StudyLimitsTest {

    private static ObjectNode space(int hyperparameters, int choices) {
        ObjectNode space = EventJson.mapper().createObjectNode();
        ArrayNode hps = space.putArray("hyperparameters");
        for (int h = 0; h < hyperparameters; h++) {
            ObjectNode hp = hps.addObject().put("name", "h" + h).put("type", "categorical");
            ArrayNode c = hp.putArray("choices");
            for (int i = 0; i < choices; i++) {
                c.add("c" + i);
            }
        }
        return space;
    }

    @Test
    void aHundredThousandChoicesAreRefusedFastNamingTheSetting() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> StudyLimits.DEFAULTS.checkSpace(space(1, 100_000)))
                .isInstanceOf(StudyLimitException.class)
                .hasMessageContaining("100000 entries")
                .hasMessageContaining("limit is 1000")
                .hasMessageContaining(StudyLimits.MAX_CHOICES)
                .hasMessageContaining("GREENBAND_STUDY_MAX_CHOICES");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(2.0);
    }

    @Test
    void hyperparametersSizeAndEmptinessAreBounded() {
        assertThatThrownBy(() -> StudyLimits.DEFAULTS.checkSpace(space(201, 2)))
                .hasMessageContaining("201 hyperparameters")
                .hasMessageContaining(StudyLimits.MAX_HYPERPARAMETERS);
        assertThatThrownBy(() -> StudyLimits.DEFAULTS.checkSpace(space(0, 0)))
                .isInstanceOfSatisfying(
                        StudyLimitException.class, e -> assertThat(e.overLimit()).isFalse());
        assertThatThrownBy(() -> StudyLimits.DEFAULTS.checkSize(1_000_001))
                .hasMessageContaining(StudyLimits.MAX_STUDY_BYTES);
        StudyLimits.DEFAULTS.checkSpace(space(200, 1_000));
        new StudyLimits(100_000, 200, 2_000_000).checkSpace(space(1, 100_000));
    }

    @Test
    void settingsRaiseTheLimits() {
        StudyLimits l = StudyLimits.fromEnvironment(Map.of("GREENBAND_STUDY_MAX_CHOICES", "5000"));
        assertThat(l).isEqualTo(new StudyLimits(5000, 200, 1_000_000));
    }

    @Test
    void theCodecRefusesAHugeStudyAsStudyLimitAndAnEmptySpaceAsInvalidStudy() {
        PayloadCodec codec = PayloadCodec.DEFAULT;
        ObjectNode study = EventJson.mapper().createObjectNode().put("studyId", "s");
        study.set("space", space(1, 100_000));
        byte[] json = study.toString().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decodePayload(EventType.STUDY_DEFINED, json))
                .isInstanceOfSatisfying(
                        EventDecodingException.class,
                        e ->
                                assertThat(e.kind())
                                        .isEqualTo(EventDecodingException.Kind.STUDY_LIMIT));
        study.set("space", space(0, 0));
        byte[] empty = study.toString().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decodePayload(EventType.STUDY_DEFINED, empty))
                .isInstanceOfSatisfying(
                        EventDecodingException.class,
                        e ->
                                assertThat(e.kind())
                                        .isEqualTo(EventDecodingException.Kind.INVALID_STUDY));
    }

    @Test
    void theDuplicateChoiceCheckIsLinear() {
        java.util.List<Object> choices = new java.util.ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            choices.add("c" + i);
        }
        long start = System.nanoTime();
        var c = new io.greenband.events.space.Categorical("big", choices, null, "c0", null);
        assertThat(c.choices()).hasSize(100_000);
        assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(2.0);
        choices.add(1);
        choices.add(1.0);
        assertThatThrownBy(
                        () ->
                                new io.greenband.events.space.Categorical(
                                        "dup", choices, null, "c0", null))
                .hasMessageContaining("twice");
    }
}
