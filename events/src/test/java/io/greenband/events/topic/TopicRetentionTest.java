package io.greenband.events.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every topic states its retention and cleanup policy; the log's records of truth are never deleted
 * by age.
 */
class TopicRetentionTest {

    @Test
    void studiesAreCompactedAndKeptForever() {
        TopicSpec studies = TopicRegistry.withPrefix("p.").spec(Topic.STUDIES);

        assertThat(studies.allConfigs())
                .containsEntry("cleanup.policy", "compact")
                .containsEntry("retention.ms", "-1");
    }

    @Test
    void perStudyTopicsAreKeptForeverAndMeasurementsAgeOut() {
        for (TopicSpec spec : TopicRegistry.defaults().all()) {
            assertThat(spec.allConfigs())
                    .as(spec.name())
                    .containsKeys("retention.ms", "cleanup.policy");
        }
        for (Topic t :
                new Topic[] {
                    Topic.TRIAL_SUGGESTED,
                    Topic.TRIAL_STARTED,
                    Topic.TRIAL_FINISHED,
                    Topic.OBJECTIVE_REPORTED,
                    Topic.TRIAL_SCORED
                }) {
            assertThat(TopicRegistry.defaults().spec(t).allConfigs())
                    .as(t.name())
                    .containsEntry("retention.ms", "-1")
                    .containsEntry("cleanup.policy", "delete");
        }
        assertThat(TopicRegistry.defaults().spec(Topic.ENERGY_SAMPLE).allConfigs())
                .containsEntry("retention.ms", Long.toString(30L * 24 * 3600 * 1000));
    }
}
