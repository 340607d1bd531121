package io.greenband.servicekit.intake;

import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.servicekit.log.TopicReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * What one topic holds, by key, read forward on demand: {@link #find} answers from what was read
 * and, for a key not seen yet, first reads the topic to its current end (a {@link TopicReader}).
 * Consumers ask it before refusing an event as unknown: the event it depends on may sit on another
 * topic the consumer has not reached yet. Records that do not decode are skipped here (their own
 * consumer dead-letters them); the first value of a key stands. Thread-safe; memory holds one value
 * per key.
 *
 * @param <V> what is kept per key
 */
public final class TopicIndex<V> implements AutoCloseable {

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);

    private final String topic;
    private final Function<ReceivedEvent, Optional<Map.Entry<String, V>>> entryOf;
    private final TopicReader reader;
    private final Map<String, V> entries = new HashMap<>();

    /**
     * An index of {@code topic}.
     *
     * @param properties client properties (bootstrap servers, security); no group is used
     * @param entryOf the key and value an event contributes, empty for events to leave out
     */
    public TopicIndex(
            Properties properties,
            String topic,
            EventCodec codec,
            Function<ReceivedEvent, Optional<Map.Entry<String, V>>> entryOf) {
        this.topic = topic;
        this.entryOf = entryOf;
        this.reader = new TopicReader(properties, List.of(topic), codec, CATCH_UP_LIMIT);
    }

    /**
     * The value of {@code key}, reading the topic to its current end first when the key is not
     * known yet.
     */
    public synchronized Optional<V> find(String key) {
        V v = entries.get(key);
        if (v != null) {
            return Optional.of(v);
        }
        catchUp();
        return Optional.ofNullable(entries.get(key));
    }

    /** Reads the topic up to the end offsets it has now. */
    public synchronized void catchUp() {
        boolean reached =
                reader.catchUpEvents(
                        event ->
                                entryOf.apply(event)
                                        .ifPresent(
                                                e ->
                                                        entries.putIfAbsent(
                                                                e.getKey(), e.getValue())));
        if (!reached) {
            throw new IllegalStateException(
                    "reading "
                            + topic
                            + " to its end took over "
                            + CATCH_UP_LIMIT.toSeconds()
                            + " s");
        }
    }

    @Override
    public synchronized void close() {
        reader.close();
    }
}
