package io.greenband.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.events.EventType;
import io.greenband.events.SampleEvents;
import io.greenband.events.study.StudyLimits;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Payloads as v1 producers wrote them, pinned in {@code src/test/resources/events/v1}: they must
 * keep decoding to the samples, so a change to a record or schema that breaks v1 data fails here.
 */
class PinnedPayloadsTest {

    private final PayloadCodec codec = new PayloadCodec(StudyLimits.DEFAULTS, true);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void pinnedV1PayloadStillDecodesToTheSample(EventType type) throws IOException {
        byte[] pinned;
        try (InputStream in =
                getClass().getResourceAsStream("/events/v1/" + type.kebabName() + ".json")) {
            pinned = in.readAllBytes();
        }

        assertThat(codec.decodePayload(type, pinned)).isEqualTo(SampleEvents.of(type));
    }

    @Test
    void pinnedStudyWithAReferencePointStillDecodes() throws IOException {
        byte[] pinned;
        try (InputStream in =
                getClass().getResourceAsStream("/events/v1/study-defined-reference.json")) {
            pinned = in.readAllBytes();
        }

        assertThat(codec.decodePayload(EventType.STUDY_DEFINED, pinned))
                .isEqualTo(SampleEvents.studyDefinedWithReference());
    }
}
