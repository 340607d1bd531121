package io.greenband.aggregator.adapter.messaging;

import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.TopicIndex;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@link LogIntegrity.Log} on the broker: {@code studies}, {@code trial-suggested} and {@code
 * trial-started} indexed.
 */
public final class IndexedLog implements LogIntegrity.Log, AutoCloseable {

    private final TopicIndex<StudyDefined> studies;
    private final TopicIndex<TrialSuggested> suggestions;
    private final TopicIndex<TrialStarted> starts;

    /**
     * Indexes over the topics of {@code topics}, read with {@code properties} (bootstrap servers,
     * security).
     */
    public IndexedLog(Properties properties, TopicRegistry topics, EventCodec codec) {
        this.studies =
                new TopicIndex<>(
                        properties,
                        topics.name(Topic.STUDIES),
                        codec,
                        e ->
                                e.payload() instanceof StudyDefined s
                                        ? Optional.of(Map.entry(s.studyId(), s))
                                        : Optional.empty());
        this.suggestions =
                new TopicIndex<>(
                        properties,
                        topics.name(Topic.TRIAL_SUGGESTED),
                        codec,
                        e ->
                                e.payload() instanceof TrialSuggested s
                                        ? Optional.of(Map.entry(s.trialId(), s))
                                        : Optional.empty());
        this.starts =
                new TopicIndex<>(
                        properties,
                        topics.name(Topic.TRIAL_STARTED),
                        codec,
                        e ->
                                e.payload() instanceof TrialStarted s
                                        ? Optional.of(Map.entry(s.trialId() + ":" + s.attempt(), s))
                                        : Optional.empty());
    }

    @Override
    public Optional<StudyDefined> study(String studyId) {
        return studies.find(studyId);
    }

    @Override
    public Optional<TrialSuggested> suggestion(String trialId) {
        return suggestions.find(trialId);
    }

    @Override
    public Optional<TrialStarted> started(String trialId, int attempt) {
        return starts.find(trialId + ":" + attempt);
    }

    @Override
    public void close() {
        studies.close();
        suggestions.close();
        starts.close();
    }
}
