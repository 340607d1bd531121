package io.greenband.events.topic;

import java.util.Map;
import java.util.Objects;

/**
 * One Kafka topic of the event log: its logical role, its full name (prefix included), what its
 * records are keyed by, how many partitions it has and its cleanup policy.
 *
 * @param role the logical topic, independent of any prefix
 * @param name the topic name on the broker, prefix included
 * @param keyedBy what the record key holds (for readers and operators)
 * @param partitions number of partitions to create
 * @param cleanupPolicy {@code delete} or {@code compact}
 * @param configs extra topic-level settings applied on creation
 */
public record TopicSpec(
        Topic role,
        String name,
        String keyedBy,
        int partitions,
        String cleanupPolicy,
        Map<String, String> configs) {

    public TopicSpec {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name for " + role + " must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(
                    "partitions of topic '" + name + "' must be >= 1, got " + partitions);
        }
        if (!"delete".equals(cleanupPolicy) && !"compact".equals(cleanupPolicy)) {
            throw new IllegalArgumentException(
                    "cleanupPolicy of topic '"
                            + name
                            + "' must be 'delete' or 'compact', got '"
                            + cleanupPolicy
                            + "'");
        }
        configs = Map.copyOf(configs);
    }

    /** All topic-level settings to create the topic with, the cleanup policy included. */
    public Map<String, String> allConfigs() {
        var all = new java.util.TreeMap<>(configs);
        all.put("cleanup.policy", cleanupPolicy);
        return all;
    }
}
