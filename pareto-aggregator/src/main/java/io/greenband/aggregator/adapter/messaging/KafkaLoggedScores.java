package io.greenband.aggregator.adapter.messaging;

import io.greenband.aggregator.driver.LoggedScores;
import io.greenband.events.EventType;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.topic.Topic;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.greenband.servicekit.log.TopicReader;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * {@link LoggedScores} read from the {@code trial-scored} topic without a consumer group. Every
 * lookup first reads up to the end offsets of that moment, so a score published before a crash, or
 * imported before its trial's end was re-read, is always seen. Only events from this service's own
 * source or from the CLI's import count. Lookups happen once per scored attempt; when the topic
 * cannot be read the score is treated as new (and a warning logged) rather than lost.
 */
public final class KafkaLoggedScores implements LoggedScores, AutoCloseable {

    /** The source of events republished by {@code greenband import}. */
    public static final URI CLI_SOURCE = URI.create("/greenband/cli");

    private static final Logger LOG = Logger.getLogger(KafkaLoggedScores.class);

    private final TopicReader reader;
    private final String topic;
    private final Duration limit;
    private final Set<URI> trusted;
    private final Map<String, TrialScored> latest = new HashMap<>();

    /**
     * @param kafka the service's {@code kafka.*} client settings
     * @param codec the service's codec (its registry names the topic, its source is trusted)
     * @param limit longest wait for the topic's end in one lookup
     */
    public KafkaLoggedScores(Map<String, Object> kafka, EventCodec codec, Duration limit) {
        Properties c = new Properties();
        c.putAll(KafkaClientSettings.only(kafka, ConsumerConfig.configNames()));
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "greenband-logged-scores");
        this.topic = codec.registry().name(Topic.TRIAL_SCORED);
        this.reader = new TopicReader(c, List.of(topic), codec, limit);
        this.limit = limit;
        this.trusted = Set.of(codec.source(), CLI_SOURCE);
    }

    @Override
    public synchronized Optional<TrialScored> find(String studyId, String trialId, int attempt) {
        try {
            catchUp();
        } catch (KafkaException e) {
            LOG.warnf(
                    "cannot read %s (%s): scoring %s attempt %d as new",
                    topic, e.getMessage(), trialId, attempt);
        }
        return Optional.ofNullable(latest.get(key(studyId, trialId, attempt)));
    }

    private void catchUp() {
        if (!reader.catchUpEvents(this::apply)) {
            LOG.warnf("%s not read to its end within %s", topic, limit);
        }
    }

    private void apply(ReceivedEvent event) {
        if (event.type() != EventType.TRIAL_SCORED || !trusted.contains(event.source())) {
            return;
        }
        TrialScored s = event.payload(TrialScored.class);
        // The first event of a revision stands; a later revision of the same attempt supersedes it.
        latest.merge(
                key(s.studyId(), s.trialId(), s.attempt()),
                s,
                (old, now) -> now.revision() > old.revision() ? now : old);
    }

    private static String key(String studyId, String trialId, int attempt) {
        return studyId + "\u0000" + trialId + "\u0000" + attempt;
    }

    @Override
    public synchronized void close() {
        reader.close();
    }
}
