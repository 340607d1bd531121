package io.greenband.events.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.greenband.events.codec.EventJson;
import io.greenband.events.payload.StudyDefined;

/**
 * Writes a study definition as YAML or JSON that {@link StudyReader} reads back to an equal
 * definition.
 */
public final class StudyWriter {

    private static final YAMLMapper YAML = EventJson.configure(new YAMLMapper());

    private StudyWriter() {}

    /** The study as YAML (space inline). */
    public static String toYaml(StudyDefined study) {
        try {
            return YAML.writeValueAsString(study);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write study " + study.studyId(), e);
        }
    }

    /** The study as indented JSON (space inline). */
    public static String toJson(StudyDefined study) {
        try {
            return EventJson.mapper()
                    .writer()
                    .with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(study);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write study " + study.studyId(), e);
        }
    }
}
