package io.greenband.aggregator.adapter.messaging;

import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.util.List;
import java.util.Set;

/**
 * The aggregator's three consumer groups: {@code studies} and {@code energy-sample} read in full by
 * every replica (groups named after the replica), the four trial topics split by study across
 * replicas (one shared group, one consumer for all four so the range assignor hands a replica the
 * same studies of each).
 *
 * @param studies the studies group
 * @param trials the trial-topics group
 * @param samples the energy-sample group
 * @param topics the topic names
 */
public record ConsumerGroups(String studies, String trials, String samples, TopicRegistry topics) {

    /**
     * The groups of application {@code app} on replica {@code replica}; {@code trials} overrides
     * the shared group.
     */
    public static ConsumerGroups of(
            String app, String replica, String trials, TopicRegistry topics) {
        return new ConsumerGroups(
                app + "-studies-" + replica,
                trials == null || trials.isBlank() ? app + "-trials" : trials,
                app + "-samples-" + replica,
                topics);
    }

    /** The studies topic. */
    public List<String> studyTopics() {
        return List.of(topics.name(Topic.STUDIES));
    }

    /** The four trial topics. */
    public List<String> trialTopics() {
        return List.of(
                topics.name(Topic.TRIAL_STARTED),
                topics.name(Topic.TRIAL_PROGRESS),
                topics.name(Topic.TRIAL_FINISHED),
                topics.name(Topic.OBJECTIVE_REPORTED));
    }

    /** The energy-sample topic. */
    public List<String> sampleTopics() {
        return List.of(topics.name(Topic.ENERGY_SAMPLE));
    }

    /** Each group with its topics, as state recovery reads them. */
    public List<StateRecovery.Group> recoveryGroups() {
        return List.of(
                new StateRecovery.Group(studies, Set.copyOf(studyTopics())),
                new StateRecovery.Group(trials, Set.copyOf(trialTopics())),
                new StateRecovery.Group(samples, Set.copyOf(sampleTopics())));
    }
}
