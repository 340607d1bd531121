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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * A consumer group's loop on its own thread: poll raw records (String keys, byte values: nothing can fail to
 * deserialize), end each one processed or dead-lettered through {@link EventIntake#process} (or a batch handler
 * that does the same), then commit the polled offsets synchronously, so a restart never meets a record again.
 * Every poll is reported to the {@link ConsumerWatch}; a failure that is not the record's (store or broker down)
 * stops the loop without committing and is reported there, which takes liveness and readiness DOWN.
 */
public final class IntakeLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IntakeLoop.class);

    /** What a batch consumer does with one poll; it must end every record processed or dead-lettered. */
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
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Throwable failure;

    private IntakeLoop(String name, Properties properties, List<String> topics, BatchHandler handler,
                       ConsumerWatch watch, Duration pollTimeout) {
        this.name = name;
        this.properties = properties;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.watch = watch;
        this.pollTimeout = pollTimeout;
        this.thread = new Thread(this::run, "intake-" + name);
        this.thread.setDaemon(true);
    }

    /**
     * A loop handing each record to {@code handler} through {@code intake}.
     *
     * @param name       the consumer's name in health reports and logs
     * @param properties client properties; {@code group.id} is required, offsets are committed by the loop
     */
    public static IntakeLoop perRecord(String name, Properties properties, List<String> topics, EventIntake intake,
                                       EventHandler handler, ConsumerWatch watch) {
        Objects.requireNonNull(handler, "handler");
        return new IntakeLoop(name, properties, topics, records -> {
            for (ConsumerRecord<String, byte[]> r : records) {
                intake.process(r, handler);
            }
        }, watch, Duration.ofMillis(500));
    }

    /** A loop handing each poll to {@code handler} (high-volume topics decoded in bulk). */
    public static IntakeLoop batched(String name, Properties properties, List<String> topics, BatchHandler handler,
                                     ConsumerWatch watch) {
        return new IntakeLoop(name, properties, topics, handler, watch, Duration.ofMillis(500));
    }

    /** The consumer's name. */
    public String name() {
        return name;
    }

    /** Starts the loop's thread. */
    public IntakeLoop start() {
        if (properties.getProperty(ConsumerConfig.GROUP_ID_CONFIG) == null) {
            throw new IllegalArgumentException("consumer " + name + " needs " + ConsumerConfig.GROUP_ID_CONFIG);
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
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            c.subscribe(topics);
            while (running) {
                ConsumerRecords<String, byte[]> polled = c.poll(pollTimeout);
                watch.polled(name);
                IntakeMetrics.global().lag(name, c);
                if (polled.isEmpty()) {
                    continue;
                }
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
                polled.forEach(records::add);
                handler.handle(records);
                c.commitSync(next(records));
                watch.polled(name);
            }
        } catch (WakeupException e) {
            if (running) {
                fail(e);
            }
        } catch (Throwable e) {
            fail(e);
        } finally {
            if (failure == null) {
                watch.closed(name);
            }
            stopped.countDown();
        }
    }

    private void fail(Throwable e) {
        failure = e;
        watch.failed(name, e);
        LOG.errorf(e, "consumer %s stopped; its records stay uncommitted until the service restarts", name);
    }

    private static Map<TopicPartition, OffsetAndMetadata> next(List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            offsets.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    /** Stops the loop after its current poll and waits for it (offsets of handled records are committed). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        if (!thread.isAlive()) {
            return;
        }
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        stopped.await(30, TimeUnit.SECONDS);
    }
}
