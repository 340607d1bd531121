package io.greenband.trainer.adapter.messaging;

import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.greenband.servicekit.log.TopicReader;
import io.greenband.trainer.worker.StudyBook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Reads the compacted {@code studies} topic from the beginning (a service-kit {@link TopicReader},
 * no consumer group) into a {@link StudyBook}. {@link #catchUp} reads up to the end offsets of the
 * moment, so a trial sees every study published before it. One owner thread. A record that does not
 * decode is skipped with a warning: the study's consumers dead-letter it, not every trainer.
 */
public final class StudyReader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StudyReader.class);

    private final TopicReader reader;
    private final String topic;
    private final StudyBook book = new StudyBook();
    private final Duration limit;

    /**
     * @param kafka client settings
     * @param topics topic names
     * @param codec the decoder
     * @param limit longest wait for the topic's end in one catch-up
     */
    public StudyReader(
            Map<String, Object> kafka, TopicRegistry topics, EventCodec codec, Duration limit) {
        Properties client = new Properties();
        client.putAll(KafkaClientSettings.only(kafka, ConsumerConfig.configNames()));
        this.topic = topics.name(Topic.STUDIES);
        this.reader = new TopicReader(client, List.of(topic), codec, limit);
        this.limit = limit;
    }

    /** The studies read so far. */
    public StudyBook book() {
        return book;
    }

    /** Reads every study event published up to now (at most {@code limit} long). */
    public void catchUp() {
        boolean reached =
                reader.catchUp(
                        new TopicReader.Sink() {
                            @Override
                            public void accept(
                                    ReceivedEvent event, ConsumerRecord<String, byte[]> record) {
                                switch (event.type()) {
                                    case STUDY_DEFINED ->
                                            book.define(event.payload(StudyDefined.class));
                                    case STUDY_STOPPED ->
                                            book.stop(event.payload(StudyStopped.class));
                                    default -> LOG.debugf("ignoring %s on %s", event.type(), topic);
                                }
                            }

                            @Override
                            public void refused(
                                    ConsumerRecord<String, byte[]> record, RuntimeException error) {
                                LOG.warnf(
                                        "skipping %s: %s",
                                        io.greenband.servicekit.intake.EventIntake.origin(record),
                                        error.getMessage());
                            }
                        });
        if (!reached) {
            LOG.warnf(
                    "studies not read to their end within %s; continuing with %d known",
                    limit, book.size());
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
