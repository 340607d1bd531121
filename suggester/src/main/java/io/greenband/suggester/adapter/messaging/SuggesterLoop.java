package io.greenband.suggester.adapter.messaging;

import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.deadletter.RejectedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.ConsumerWatch;
import io.greenband.servicekit.intake.EventIntake;
import io.greenband.servicekit.log.ProducerSettings;
import io.greenband.servicekit.metrics.IntakeMetrics;
import io.greenband.suggester.adapter.persistence.SnapshotStore;
import io.greenband.suggester.driver.Emission;
import io.greenband.suggester.driver.SuggesterDriver;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The suggester's one consumer thread. It assigns every partition of {@code studies}, {@code
 * trial-finished}, {@code trial-scored}, {@code trial-started} and {@code trial-progress} (no
 * consumer group: offsets live in the snapshots) and keeps one ordering rule: a {@code
 * trial-scored} record is applied only once {@code studies} and {@code trial-finished} are read to
 * their current end, so every stamped decision in the log is known before the score that follows
 * it. Wall-clock decisions are made only when every input is read to its end; each is published
 * with its stamp in the {@value #STAMP_HEADER} header and applied when read back.
 */
public final class SuggesterLoop implements AutoCloseable {

    /** The loop's name in health reports. */
    public static final String WATCH_NAME = "suggester-loop";

    /** Header carrying a decision's stamp: the study's input sequence number it applies at. */
    public static final String STAMP_HEADER = "greenband-suggester-seq";

    /**
     * The {@code ce_source} of the aggregator, the only publisher of scores the suggester believes.
     */
    public static final String DEFAULT_SCORER_SOURCE = "/greenband/greenband-pareto-aggregator";

    private static final Logger LOG = Logger.getLogger(SuggesterLoop.class);

    private final LoopSettings settings;
    private final Properties clientProperties;
    private final TopicRegistry topics;
    private final EventIntake intake;
    private final EventCodec codec;
    private final Clock clock;
    private final Consumer<TrialSuggested> observer;
    private final SuggesterDriver driver = new SuggesterDriver();
    private final Snapshots snapshots;
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<String, byte[]>>> scoredQueue =
            new HashMap<>();
    private final SuggesterMeters meters = new SuggesterMeters();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String scorerSource = DEFAULT_SCORER_SOURCE;
    private volatile ConsumerWatch watch;
    private LogChecks checks;
    private volatile Throwable failure;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private PublishedSuggestions published;
    private List<TopicPartition> priority;
    private List<TopicPartition> all;

    /**
     * A loop; {@link #start()} runs it on its own thread.
     *
     * @param observer sees every suggestion the driver makes, published or found already in the log
     */
    public SuggesterLoop(
            LoopSettings settings,
            Properties clientProperties,
            TopicRegistry topics,
            EventIntake intake,
            SnapshotStore store,
            Clock clock,
            Consumer<TrialSuggested> observer) {
        this.settings = settings;
        this.clientProperties = clientProperties;
        this.topics = topics;
        this.intake = intake;
        this.codec = intake.codec();
        this.clock = clock;
        this.observer = observer;
        this.snapshots = new Snapshots(store, driver, settings, topics);
        this.thread = new Thread(this::run, "suggester-loop");
        this.thread.setDaemon(true);
    }

    /** Accepts {@code trial-scored} only from {@code source} (call before {@link #start()}). */
    public SuggesterLoop scoresFrom(String source) {
        this.scorerSource = source;
        return this;
    }

    /**
     * Reports polls and failure to {@code watch}, which turns health DOWN when the loop stops or
     * stalls.
     */
    public SuggesterLoop watchedBy(ConsumerWatch watch) {
        this.watch = watch;
        return this;
    }

    /** Starts the consumer thread. */
    public SuggesterLoop start() {
        thread.start();
        return this;
    }

    /** Waits until restore and the start-up scan are done and the loop polls. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the thread runs (false after a fatal error or close). */
    public boolean isAlive() {
        return thread.isAlive() && failure == null;
    }

    /** The error that stopped the loop, if any. */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        try {
            published = PublishedSuggestions.scan(consumerProperties(), topics, codec);
            producer = ProducerSettings.producer(producerProperties());
            consumer =
                    new KafkaConsumer<>(
                            consumerProperties(),
                            new StringDeserializer(),
                            new ByteArrayDeserializer());
            priority = new ArrayList<>(partitions(Topic.STUDIES));
            priority.addAll(partitions(Topic.TRIAL_FINISHED));
            all = new ArrayList<>(priority);
            all.addAll(partitions(Topic.TRIAL_SCORED));
            all.addAll(partitions(Topic.TRIAL_STARTED));
            all.addAll(partitions(Topic.TRIAL_PROGRESS));
            consumer.assign(all);
            checks = new LogChecks(consumerProperties(), topics, codec, scorerSource);
            snapshots.restore(all, clock.instant()).forEach(consumer::seek);
            LOG.infof(
                    "suggester loop ready: %d studies restored, %d suggestions already published",
                    driver.runs().size(), published.size());
            ready.countDown();
            if (watch != null) {
                watch.started(WATCH_NAME);
            }
            while (running) {
                iterate();
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (Throwable e) {
            failure = e;
            LOG.error("suggester loop stopped", e);
        } finally {
            if (watch != null) {
                if (failure != null) {
                    watch.failed(WATCH_NAME, failure);
                } else {
                    watch.closed(WATCH_NAME);
                }
            }
            if (checks != null) {
                checks.close();
            }
            ready.countDown();
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(2));
            }
            if (producer != null) {
                producer.close(Duration.ofSeconds(2));
            }
        }
    }

    private void iterate() throws Exception {
        var polled = consumer.poll(settings.pollTimeout());
        if (watch != null) {
            watch.polled(WATCH_NAME);
        }
        IntakeMetrics.global().lag(WATCH_NAME, consumer);
        meters.polled(System.nanoTime());
        for (ConsumerRecord<String, byte[]> r : polled) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            if (topics.roleOf(r.topic()).orElse(null) == Topic.TRIAL_SCORED) {
                scoredQueue.computeIfAbsent(tp, k -> new ArrayDeque<>()).add(r);
            } else {
                handle(tp, r);
            }
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(all);
        boolean decisionsRead =
                priority.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
        if (decisionsRead) {
            for (var e : scoredQueue.entrySet()) {
                while (!e.getValue().isEmpty()) {
                    handle(e.getKey(), e.getValue().poll());
                }
            }
        }
        meters.queued(scoredQueue.values().stream().mapToLong(ArrayDeque::size).sum());
        boolean allRead =
                decisionsRead && all.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
        if (allRead) {
            var decision = driver.decide(clock.instant());
            if (decision.isPresent()) {
                publish(decision.get());
            }
        }
        snapshots.maybeSave(clock.instant());
    }

    private void handle(TopicPartition tp, ConsumerRecord<String, byte[]> record) throws Exception {
        try {
            if (!snapshots.includes(record.key(), tp, record.offset())) {
                var decoded = intake.decode(record);
                if (decoded.isPresent()) {
                    checks.check(decoded.get(), id -> driver.run(id).isPresent());
                    apply(decoded.get(), record);
                }
            }
        } catch (RejectedEvent | IllegalArgumentException | IllegalStateException e) {
            intake.deadLetter(record, e);
        }
        snapshots.advance(tp, record.offset() + 1);
    }

    private void apply(ReceivedEvent event, ConsumerRecord<String, byte[]> record)
            throws Exception {
        Header stamp = record.headers().lastHeader(STAMP_HEADER);
        OptionalLong s =
                stamp == null
                        ? OptionalLong.empty()
                        : OptionalLong.of(
                                Long.parseLong(new String(stamp.value(), StandardCharsets.UTF_8)));
        for (Emission out :
                driver.onEvent(
                        event.payload(),
                        s,
                        Instant.ofEpochMilli(record.timestamp()),
                        clock.instant())) {
            publish(out);
        }
    }

    private void publish(Emission out)
            throws InterruptedException, ExecutionException, TimeoutException {
        String id = EventCodec.idFor(out.event());
        if (out.event() instanceof TrialSuggested s) {
            observer.accept(s);
            if (published.contains(id)) {
                return;
            }
        }
        ProducerRecord<String, byte[]> record = codec.toRecord(out.event());
        out.stamp()
                .ifPresent(
                        v ->
                                record.headers()
                                        .add(
                                                STAMP_HEADER,
                                                Long.toString(v).getBytes(StandardCharsets.UTF_8)));
        // Synchronous: a decision must be in the log before the loop reads on, a suggestion before
        // its snapshot.
        producer.send(record).get(30, TimeUnit.SECONDS);
        if (out.event() instanceof TrialSuggested) {
            published.add(id);
            meters.suggested();
        }
        logPublished(out.event());
    }

    private static void logPublished(GreenbandEvent event) {
        if (event instanceof TrialSuggested s) {
            LOG.infof(
                    "suggested trial %s attempt %d (study %s, config %s, fidelity %s, bracket %d, rung %d)",
                    s.trialId(),
                    s.attempt(),
                    s.studyId(),
                    s.configId(),
                    s.fidelity(),
                    s.bracket(),
                    s.rung());
        } else if (event instanceof StudyStopped s) {
            LOG.infof(
                    "study %s stopped: %s%s",
                    s.studyId(), s.reason(), s.detail() == null ? "" : " (" + s.detail() + ")");
        } else if (event instanceof TrialFinished f) {
            LOG.infof(
                    "trial %s attempt %d declared %s: %s",
                    f.trialId(), f.attempt(), f.status(), f.error());
        }
    }

    private List<TopicPartition> partitions(Topic topic) {
        String name = topics.name(topic);
        return consumer.partitionsFor(name, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(name, i.partition()))
                .toList();
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return p;
    }

    private Properties producerProperties() {
        return ProducerSettings.durable(
                clientProperties,
                clientProperties.getProperty("client.id", "greenband-suggester") + "-suggestions",
                Duration.ZERO);
    }

    /** Driver state for tests: the studies and their runs (read only after {@link #close()}). */
    public SuggesterDriver driver() {
        return driver;
    }

    /** Stops the thread and waits for it. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
