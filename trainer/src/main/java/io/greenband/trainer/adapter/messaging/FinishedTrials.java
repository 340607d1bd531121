package io.greenband.trainer.adapter.messaging;

import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.greenband.servicekit.log.TopicReader;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jboss.logging.Logger;

/**
 * The trial attempts whose {@code trial-finished} is already in the log, read from the beginning
 * without a consumer group (a service-kit {@link TopicReader}). A suggestion for one of them is
 * never run again: it was imported or replayed together with its end, or the suggester already
 * declared it lost. One owner thread; a record that does not decode is skipped (its consumers
 * dead-letter it).
 */
public final class FinishedTrials implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FinishedTrials.class);

    private final TopicReader reader;
    private final String topic;
    private final Duration limit;
    private final Set<String> finished = new HashSet<>();

    /**
     * @param kafka client settings ({@code kafka.*})
     * @param topics topic names
     * @param codec the decoder
     * @param limit longest wait for the topic's end in one catch-up
     */
    public FinishedTrials(
            Map<String, Object> kafka, TopicRegistry topics, EventCodec codec, Duration limit) {
        Properties client = new Properties();
        client.putAll(KafkaClientSettings.only(kafka, ConsumerConfig.configNames()));
        this.topic = topics.name(Topic.TRIAL_FINISHED);
        this.reader = new TopicReader(client, List.of(topic), codec, limit);
        this.limit = limit;
    }

    /** Whether the log, read up to now, holds an end of this attempt. */
    public boolean isFinished(String studyId, String trialId, int attempt) {
        boolean reached =
                reader.catchUpEvents(
                        event -> {
                            if (event.payload() instanceof TrialFinished f) {
                                finished.add(key(f.studyId(), f.trialId(), f.attempt()));
                            }
                        });
        if (!reached) {
            LOG.warnf(
                    "%s not read to its end within %s; continuing with %d finished attempts known",
                    topic, limit, finished.size());
        }
        return finished.contains(key(studyId, trialId, attempt));
    }

    /** How many finished attempts are known. */
    public int size() {
        return finished.size();
    }

    private static String key(String studyId, String trialId, int attempt) {
        return studyId + "\u0000" + trialId + "\u0000" + attempt;
    }

    @Override
    public void close() {
        reader.close();
    }
}
