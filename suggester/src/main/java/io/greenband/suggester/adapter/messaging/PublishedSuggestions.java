package io.greenband.suggester.adapter.messaging;

import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The ce_ids already on {@code trial-suggested}, read once at start-up up to the end offsets of that moment,
 * then kept current as this instance publishes. A suggestion whose id is known is not published again.
 */
public final class PublishedSuggestions {

    private final Set<String> ids = new HashSet<>();

    /** Reads {@code trial-suggested} from the beginning to its current end. */
    public static PublishedSuggestions scan(Properties clientProperties, TopicRegistry topics) {
        PublishedSuggestions known = new PublishedSuggestions();
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            String topic = topics.name(Topic.TRIAL_SUGGESTED);
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Header id = r.headers().lastHeader("ce_id");
                    if (id != null) {
                        known.ids.add(new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
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
