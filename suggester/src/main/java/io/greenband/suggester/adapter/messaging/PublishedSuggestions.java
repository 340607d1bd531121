package io.greenband.suggester.adapter.messaging;

import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.log.TopicReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The ce_ids already on {@code trial-suggested}, read once at start-up up to the end offsets of
 * that moment, then kept current as this instance publishes. A suggestion whose id is known is not
 * published again.
 */
public final class PublishedSuggestions {

    private final Set<String> ids = new HashSet<>();

    /**
     * Reads {@code trial-suggested} from the beginning to its current end (the service kit's {@link
     * TopicReader}).
     */
    public static PublishedSuggestions scan(
            Properties clientProperties, TopicRegistry topics, EventCodec codec) {
        PublishedSuggestions known = new PublishedSuggestions();
        TopicReader.scan(
                clientProperties,
                List.of(topics.name(Topic.TRIAL_SUGGESTED)),
                codec,
                new TopicReader.Sink() {
                    @Override
                    public void accept(ReceivedEvent event, ConsumerRecord<String, byte[]> record) {
                        known.ids.add(event.id());
                    }

                    @Override
                    public void refused(
                            ConsumerRecord<String, byte[]> record, RuntimeException error) {
                        // Its id is taken all the same: publishing under it again would only meet
                        // the same record.
                        Header id = record.headers().lastHeader("ce_id");
                        if (id != null) {
                            known.ids.add(new String(id.value(), StandardCharsets.UTF_8));
                        }
                    }
                });
        return known;
    }

    /** Whether a record with this ce_id is already on the topic. */
    public boolean contains(String ceId) {
        return ids.contains(ceId);
    }

    /** Records a published id. */
    public void add(String ceId) {
        ids.add(ceId);
    }

    /** How many ids are known. */
    public int size() {
        return ids.size();
    }
}
