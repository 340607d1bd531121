package io.greenband.servicekit.intake;

import io.greenband.servicekit.metrics.IntakeMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * A consumer group's loop on its own thread: poll raw records (String keys, byte values: nothing
 * can fail to deserialize), end each one processed or dead-lettered through {@link
 * EventIntake#process} (or a batch handler that does the same), then commit the polled offsets
 * synchronously, so a restart never meets a record again. Every poll is reported to the {@link
 * ConsumerWatch}; a failure that is not the record's (store or broker down) stops the loop without
 * committing and is reported there, which takes liveness and readiness DOWN.
 *
 * <p>{@link #oneAtATime} is the loop for handlers that work long on one record (a trainer runs a
 * trial): the record is handled on a second thread while every assigned partition is paused and
 * this thread keeps polling, so the group never sees a stalled member however long the handler
 * takes; the offset is committed once it returns.
 */
public final class IntakeLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IntakeLoop.class);

    /**
     * What a batch consumer does with one poll; it must end every record processed or
     * dead-lettered.
     */
    @FunctionalInterface
    public interface BatchHandler {
        /** Handles the poll's records (store or broker failures thrown). */
        void handle(List<ConsumerRecord<String, byte[]>> records) throws Exception;
    }

    private final String name;
    private final Properties properties;
    private final List<String> topics;
    private final BatchHandler handler;
    private final ConsumerWatch watch;
    private final Duration pollTimeout;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;

    /**
     * Runs one record at a time while the loop polls paused; null for loops that handle on their
     * own thread.
     */
    private final ExecutorService longHandler;

    private final EventIntake intake;
    private final EventHandler recordHandler;
    private volatile boolean running = true;
    private volatile boolean abandoned;
    private volatile TopicPartition busy;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Throwable failure;

    private IntakeLoop(
            String name,
            Properties properties,
            List<String> topics,
            BatchHandler handler,
            ConsumerWatch watch,
            Duration pollTimeout,
            EventIntake intake,
            EventHandler recordHandler) {
        this.name = name;
        this.properties = properties;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.watch = watch;
        this.pollTimeout = pollTimeout;
        this.intake = intake;
        this.recordHandler = recordHandler;
        this.longHandler =
                recordHandler == null
                        ? null
                        : Executors.newSingleThreadExecutor(
                                r -> {
                                    Thread t = new Thread(r, "intake-" + name + "-handler");
                                    t.setDaemon(true);
                                    return t;
                                });
        this.thread = new Thread(this::run, "intake-" + name);
        this.thread.setDaemon(true);
    }

    /**
     * A loop handing each record to {@code handler} through {@code intake}.
     *
     * @param name the consumer's name in health reports and logs
     * @param properties client properties; {@code group.id} is required, offsets are committed by
     *     the loop
     */
    public static IntakeLoop perRecord(
            String name,
            Properties properties,
            List<String> topics,
            EventIntake intake,
            EventHandler handler,
            ConsumerWatch watch) {
        Objects.requireNonNull(handler, "handler");
        return new IntakeLoop(
                name,
                properties,
                topics,
                records -> {
                    for (ConsumerRecord<String, byte[]> r : records) {
                        intake.process(r, handler);
                    }
                },
                watch,
                Duration.ofMillis(500),
                null,
                null);
    }

    /** A loop handing each poll to {@code handler} (high-volume topics decoded in bulk). */
    public static IntakeLoop batched(
            String name,
            Properties properties,
            List<String> topics,
            BatchHandler handler,
            ConsumerWatch watch) {
        return new IntakeLoop(
                name, properties, topics, handler, watch, Duration.ofMillis(500), null, null);
    }

    /**
     * A loop for handlers that work long on one record: each record goes through {@code intake} to
     * {@code handler} on a handler thread while the partitions are paused and the loop keeps
     * polling every {@code pollTimeout} (reported to {@code watch}); its offset is committed when
     * the handler returns. Give the consumer {@code max.poll.records=1}, so no fetched record waits
     * behind a long one while its partition may move.
     */
    public static IntakeLoop oneAtATime(
            String name,
            Properties properties,
            List<String> topics,
            EventIntake intake,
            EventHandler handler,
            ConsumerWatch watch,
            Duration pollTimeout) {
        Objects.requireNonNull(handler, "handler");
        return new IntakeLoop(name, properties, topics, null, watch, pollTimeout, intake, handler);
    }

    /** The consumer's name. */
    public String name() {
        return name;
    }

    /** Starts the loop's thread. */
    public IntakeLoop start() {
        if (properties.getProperty(ConsumerConfig.GROUP_ID_CONFIG) == null) {
            throw new IllegalArgumentException(
                    "consumer " + name + " needs " + ConsumerConfig.GROUP_ID_CONFIG);
        }
        watch.started(name);
        thread.start();
        return this;
    }

    /** Whether the loop runs (false once it failed or was closed). */
    public boolean isAlive() {
        return thread.isAlive() && failure == null;
    }

    /** The failure that stopped the loop, or null. */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        Properties p = new Properties();
        p.putAll(properties);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> c = null;
        try {
            c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
            consumer = c;
            c.subscribe(topics, new PauseWhileBusy());
            while (running) {
                ConsumerRecords<String, byte[]> polled = c.poll(pollTimeout);
                watch.polled(name);
                IntakeMetrics.global().lag(name, c);
                if (polled.isEmpty()) {
                    continue;
                }
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
                polled.forEach(records::add);
                if (longHandler != null) {
                    handleOneAtATime(c, records);
                } else {
                    handler.handle(records);
                    c.commitSync(next(records));
                }
                watch.polled(name);
            }
        } catch (WakeupException e) {
            if (running) {
                fail(e);
            }
        } catch (Throwable e) {
            fail(e);
        } finally {
            if (c != null) {
                c.close(abandoned ? Duration.ZERO : Duration.ofSeconds(10));
            }
            if (failure == null) {
                watch.closed(name);
            }
            stopped.countDown();
        }
    }

    /**
     * Each record on the handler thread, partitions paused, then its offset committed (unless
     * abandoned).
     */
    private void handleOneAtATime(
            KafkaConsumer<String, byte[]> c, List<ConsumerRecord<String, byte[]>> records)
            throws Exception {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (!running) {
                return; // not committed: the group delivers it again
            }
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            busy = tp;
            c.pause(c.assignment());
            try {
                Future<Outcome> done = longHandler.submit(() -> intake.process(r, recordHandler));
                if (!awaitPolling(c, done)) {
                    return;
                }
            } finally {
                busy = null;
            }
            try {
                c.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
            } catch (KafkaException e) {
                // The partition moved during a long handler: its new owner meets the record again.
                LOG.warnf(
                        "commit of %s failed (%s): the record will be delivered again",
                        EventIntake.origin(r), e.getMessage());
            }
            if (running) {
                c.resume(c.paused());
            }
        }
    }

    /** Polls (paused) until {@code done}; false when the loop was abandoned meanwhile. */
    private boolean awaitPolling(KafkaConsumer<String, byte[]> c, Future<Outcome> done)
            throws Exception {
        while (true) {
            try {
                done.get(pollTimeout.toMillis(), TimeUnit.MILLISECONDS);
                return !abandoned;
            } catch (TimeoutException e) {
                if (abandoned) {
                    return false;
                }
                keepMembership(c);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    /**
     * A poll with every partition paused: it keeps this member in the group; a record that slips
     * through is rewound.
     */
    private void keepMembership(KafkaConsumer<String, byte[]> c) {
        ConsumerRecords<String, byte[]> unexpected = c.poll(Duration.ZERO);
        watch.polled(name);
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : unexpected) {
            first.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.offset());
        }
        first.forEach(c::seek);
    }

    private void fail(Throwable e) {
        failure = e;
        watch.failed(name, e);
        LOG.errorf(
                e,
                "consumer %s stopped; its records stay uncommitted until the service restarts",
                name);
    }

    private static Map<TopicPartition, OffsetAndMetadata> next(
            List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            offsets.merge(
                    new TopicPartition(r.topic(), r.partition()),
                    new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    /**
     * Stops the loop after its current poll and waits for it (offsets of handled records are
     * committed). A handler at work is waited for: its owner makes it return first (a trainer
     * cancels its trial).
     */
    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(60));
    }

    /**
     * As {@link #close()}, waiting at most {@code wait} for the loop (and a handler at work) to
     * end.
     */
    public void close(Duration wait) throws InterruptedException {
        running = false;
        if (thread.isAlive()) {
            KafkaConsumer<String, byte[]> c = consumer;
            if (c != null && busy == null) {
                c.wakeup();
            }
            stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (longHandler != null) {
            longHandler.shutdownNow();
        }
    }

    /**
     * Stops at once without committing the record at work, as if the process died: the group
     * delivers it again. The handler is left to its owner to stop. For failure drills and tests.
     */
    public void abandon() throws InterruptedException {
        abandoned = true;
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        stopped.await(60, TimeUnit.SECONDS);
        if (longHandler != null) {
            longHandler.shutdownNow();
        }
    }

    /**
     * Keeps partitions assigned while a handler works paused; warns when the busy record's
     * partition moves away.
     */
    private final class PauseWhileBusy implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
            if (busy != null) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
            if (busy != null && partitions.contains(busy)) {
                LOG.warnf(
                        "partition %s was revoked while its record is handled; the commit may fail and the new "
                                + "owner may handle the record again",
                        busy);
            }
        }
    }
}
