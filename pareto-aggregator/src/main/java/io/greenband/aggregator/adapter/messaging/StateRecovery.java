package io.greenband.aggregator.adapter.messaging;

import io.greenband.aggregator.AggregatorException;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Brings a restarted aggregator back to where it stopped: reads, for each of its consumer groups,
 * the records of that group's topics below the committed offsets (their effects are stored and
 * published) and restores the engine's memory from them. The consumers then go on from the
 * committed offsets as usual.
 */
public final class StateRecovery {

    private StateRecovery() {}

    /**
     * A consumer group and the topics (full names) it reads.
     *
     * @param groupId the group id
     * @param topics the topic names the group consumes
     */
    public record Group(String groupId, Set<String> topics) {}

    /**
     * Restores {@code engine} from the records below the committed offsets of {@code groups};
     * returns their count.
     *
     * @param kafka the service's {@code kafka.*} client settings (bootstrap servers, security
     *     protocol, SASL, trust store), as {@link KafkaClientSettings} takes them
     */
    public static int restore(
            Map<String, Object> kafka, List<Group> groups, EventCodec codec, ScoringEngine engine) {
        List<GreenbandEvent> events = TopicReplay.read(kafka, committed(kafka, groups), codec);
        engine.restore(events);
        return events.size();
    }

    /**
     * As {@link #restore(Map, List, EventCodec, ScoringEngine)}, restoring only what the consumers
     * accepted: study and trial events the {@code integrity} admits (it remembers them), samples
     * within {@code bounds} whose id held no other payload.
     */
    public static int restore(
            Map<String, Object> kafka,
            List<Group> groups,
            EventCodec codec,
            ScoringEngine engine,
            LogIntegrity integrity,
            PowerBounds bounds) {
        List<GreenbandEvent> admitted = new java.util.ArrayList<>();
        for (GreenbandEvent e : TopicReplay.read(kafka, committed(kafka, groups), codec)) {
            try {
                if (e instanceof io.greenband.events.payload.EnergySample s) {
                    bounds.check(s);
                    integrity.sampleIds().admit(s);
                    admitted.add(s);
                } else {
                    admitted.addAll(integrity.admit(e));
                }
            } catch (io.greenband.events.deadletter.RejectedEvent refused) {
                // Dead-lettered when it was first consumed.
            }
        }
        engine.restore(admitted);
        return admitted.size();
    }

    /**
     * The committed offset of every partition of the groups' topics (partitions with none are left
     * out).
     */
    public static Map<TopicPartition, Long> committed(
            Map<String, Object> kafka, List<Group> groups) {
        Map<TopicPartition, Long> limits = new HashMap<>();
        try (Admin admin = Admin.create(adminProperties(kafka))) {
            for (Group g : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets =
                        admin.listConsumerGroupOffsets(g.groupId())
                                .partitionsToOffsetAndMetadata()
                                .get(30, TimeUnit.SECONDS);
                offsets.forEach(
                        (tp, om) -> {
                            if (om != null && g.topics().contains(tp.topic())) {
                                limits.merge(tp, om.offset(), Math::max);
                            }
                        });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AggregatorException.recoveryFailed(
                    "interrupted while reading committed offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw AggregatorException.recoveryFailed(
                    "reading the committed offsets of "
                            + groups.stream().map(Group::groupId).toList()
                            + " failed: "
                            + e.getMessage()
                            + "; is Kafka reachable at "
                            + kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                            + "?",
                    e);
        }
        return limits;
    }

    /**
     * The properties the offset-reading admin client is built with: every {@code kafka.*} setting.
     */
    static Properties adminProperties(Map<String, Object> kafka) {
        return KafkaClientSettings.forClient(kafka, "greenband-recovery");
    }
}
