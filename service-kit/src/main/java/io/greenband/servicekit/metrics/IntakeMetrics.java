package io.greenband.servicekit.metrics;

import io.greenband.events.topic.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The intake's meters: {@code greenband_dead_letters_total{topic}} (records dead-lettered, by the
 * role of the topic they came from) and {@code
 * greenband_consumer_lag_records{consumer,topic,partition}} (records behind the end of each
 * assigned partition after a poll). Labels are bounded: topics by the registry's roles (anything
 * else counts as {@code other}), partitions by the topics' partition counts, consumers by the
 * service's own loops.
 */
public final class IntakeMetrics {

    /** Label value for a topic outside the registry. */
    static final String OTHER = "other";

    private static final IntakeMetrics GLOBAL = new IntakeMetrics(Metrics.globalRegistry);

    private final MeterRegistry registry;
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();

    /** Meters in {@code registry}. */
    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Meters in Micrometer's global registry, the root registry Quarkus serves at {@code
     * /q/metrics}: the intake classes are also built outside CDI (tests, benchmarks), where the
     * global registry records nothing.
     */
    public static IntakeMetrics global() {
        return GLOBAL;
    }

    /**
     * Registers a zero dead-letter count for every topic role, so each service exposes the series
     * from start.
     */
    public void registerAll() {
        for (Topic t : Topic.values()) {
            counter(t.defaultName());
        }
    }

    /** One record of {@code topicName} was dead-lettered. */
    public void deadLettered(String topicName) {
        counter(role(topicName)).increment();
    }

    /** The number of records dead-lettered from {@code topicName} so far (tests, diagnostics). */
    public double deadLetters(String topicName) {
        return counter(role(topicName)).count();
    }

    /**
     * Records the lag of every partition {@code consumer} holds, from its cached positions (no
     * broker call).
     */
    public void lag(String name, Consumer<?, ?> consumer) {
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isPresent()) {
                lagOf(name, tp).set(lag.getAsLong());
            }
        }
    }

    private AtomicLong lagOf(String name, TopicPartition tp) {
        String key = name + "\u0000" + tp;
        return lags.computeIfAbsent(
                key,
                k -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder("greenband.consumer.lag", value, AtomicLong::doubleValue)
                            .baseUnit("records")
                            .tags(
                                    "consumer",
                                    name,
                                    "topic",
                                    role(tp.topic()),
                                    "partition",
                                    Integer.toString(tp.partition()))
                            .description(
                                    "Records behind the end of the partition after the consumer's last poll")
                            .register(registry);
                    return value;
                });
    }

    private Counter counter(String role) {
        return deadLetters.computeIfAbsent(
                role,
                r ->
                        Counter.builder("greenband.dead.letters")
                                .tag("topic", r)
                                .description(
                                        "Records the intake dead-lettered, by the role of their source topic")
                                .register(registry));
    }

    /** The topic's role whatever the deployment's prefix (no default name ends another). */
    static String role(String topicName) {
        for (Topic t : Topic.values()) {
            if (topicName.endsWith(t.defaultName())) {
                return t.defaultName();
            }
        }
        return OTHER;
    }
}
