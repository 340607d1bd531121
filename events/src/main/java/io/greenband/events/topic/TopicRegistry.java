package io.greenband.events.topic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The topics greenband uses, with a configurable name prefix (so several installations can share a
 * cluster) and optional per-deployment partition counts. Immutable; build variants with the {@code
 * with*} methods.
 */
public final class TopicRegistry {

    /** Kafka's legal topic characters; the prefix must keep names legal. */
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]*");

    private final String prefix;
    private final Map<Topic, Integer> partitions;

    private TopicRegistry(String prefix, Map<Topic, Integer> partitions) {
        if (prefix == null || !LEGAL.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "topic prefix '"
                            + prefix
                            + "' may only hold letters, digits, '.', '_' and '-'");
        }
        this.prefix = prefix;
        this.partitions = new EnumMap<>(partitions);
    }

    /** The default registry: no prefix, default partition counts. */
    public static TopicRegistry defaults() {
        return new TopicRegistry("", new EnumMap<>(Topic.class));
    }

    /** A registry whose topic names all start with {@code prefix} (e.g. {@code "team-a."}). */
    public static TopicRegistry withPrefix(String prefix) {
        return new TopicRegistry(prefix, new EnumMap<>(Topic.class));
    }

    /**
     * A copy where every topic has {@code count} partitions (the local stack uses small counts).
     */
    public TopicRegistry withPartitions(int count) {
        Map<Topic, Integer> p = new EnumMap<>(Topic.class);
        for (Topic t : Topic.values()) {
            p.put(t, count);
        }
        return new TopicRegistry(prefix, p);
    }

    /** A copy where {@code topic} has {@code count} partitions. */
    public TopicRegistry withPartitions(Topic topic, int count) {
        Map<Topic, Integer> p = new EnumMap<>(partitions);
        p.put(topic, count);
        return new TopicRegistry(prefix, p);
    }

    /** The name prefix, possibly empty. */
    public String prefix() {
        return prefix;
    }

    /** The topic name on the broker. */
    public String name(Topic topic) {
        return prefix + topic.defaultName();
    }

    /** The full specification of one topic. */
    public TopicSpec spec(Topic topic) {
        Map<String, String> configs =
                topic == Topic.STUDIES
                        // Keep the latest definition of each study forever; compaction never
                        // deletes the key.
                        ? Map.of(
                                "min.compaction.lag.ms",
                                "0",
                                "retention.ms",
                                Long.toString(retentionMillis(topic)))
                        : Map.of("retention.ms", Long.toString(retentionMillis(topic)));
        return new TopicSpec(
                topic,
                name(topic),
                topic.keyedBy(),
                partitions.getOrDefault(topic, topic.defaultPartitions()),
                topic.cleanupPolicy(),
                configs);
    }

    /**
     * How long a topic keeps its records ({@code retention.ms}; -1 forever). Kafka is the source of
     * truth: studies, trials, objectives and scores are kept forever, so every view can be rebuilt
     * by replay. Only the measurements the aggregator has already folded into {@code trial-scored}
     * (energy samples, per-epoch progress) and the dead letters age out, after {@link
     * #MEASUREMENT_RETENTION_MS}.
     */
    public static long retentionMillis(Topic topic) {
        return switch (topic) {
            case ENERGY_SAMPLE, TRIAL_PROGRESS, DEAD_LETTER -> MEASUREMENT_RETENTION_MS;
            default -> FOREVER;
        };
    }

    /** {@code retention.ms} meaning "never delete by age". */
    public static final long FOREVER = -1L;

    /**
     * 30 days: energy samples, progress and dead letters; a study's scores outlive them in {@code
     * trial-scored}.
     */
    public static final long MEASUREMENT_RETENTION_MS = 30L * 24 * 3600 * 1000;

    /** Every topic, in declaration order. */
    public List<TopicSpec> all() {
        List<TopicSpec> all = new ArrayList<>();
        for (Topic t : Topic.values()) {
            all.add(spec(t));
        }
        return List.copyOf(all);
    }

    /** The logical topic behind a broker topic name, if it is one of ours. */
    public java.util.Optional<Topic> roleOf(String topicName) {
        for (Topic t : Topic.values()) {
            if (name(t).equals(topicName)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
